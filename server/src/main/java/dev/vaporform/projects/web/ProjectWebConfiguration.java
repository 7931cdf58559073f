package dev.vaporform.projects.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the membership check in front of every project route. */
@Configuration(proxyBeanMethods = false)
class ProjectWebConfiguration implements WebMvcConfigurer {

    private final ProjectMembershipInterceptor membership;

    ProjectWebConfiguration(ProjectMembershipInterceptor membership) {
        this.membership = membership;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(membership).addPathPatterns("/api/projects/*", "/api/projects/*/**");
    }
}
