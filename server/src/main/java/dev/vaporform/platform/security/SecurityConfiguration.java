package dev.vaporform.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.vaporform.platform.BearerAuthenticator;
import dev.vaporform.platform.PublicRoutes;

/**
 * The one security filter chain (the "API gateway" of the design): stateless bearer
 * authentication, deny-by-default on {@code /api} and {@code /ws}, problem+json for 401 and 403.
 * Per-project access is not decided here but by the projects module's access facade.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerAuthenticator authenticator,
                            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler deniedHandler)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies carry authority: bearer tokens only
                .cors(cors -> {})
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .addFilterBefore(new BearerTokenFilter(authenticator, entryPoint), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .authorizeHttpRequests(auth -> auth
                        // the async dispatch that ends a streamed answer (SSE) continues a request
                        // already authorised when it began
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PublicRoutes.API.toArray(String[]::new)).permitAll()
                        .requestMatchers(PublicRoutes.OPERATIONS.toArray(String[]::new)).permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // WebSocket upgrades authenticate in the handshake interceptor (ticket or bearer).
                        .requestMatchers("/ws/**").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll()); // the browser IDE's static files
        return http.build();
    }

    /**
     * URLs the firewall refuses (encoded slashes or dots, {@code //}, {@code ..}) answer a 400
     * {@code request-rejected} problem naming the rule broken.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }
}
