package dev.vaporform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.modulith.Modulithic;

/** Vaporform: one Spring Boot application whose modules are verified by Spring Modulith. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // bearer tokens only
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class VaporformApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(VaporformApplication.class);
        // VAPORFORM_STARTUP_REPORT=true prints the slowest start-up steps, to see where start time goes.
        if (Boolean.parseBoolean(System.getenv("VAPORFORM_STARTUP_REPORT"))) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(10_000);
            application.setApplicationStartup(startup);
            application.run(args);
            StartupReport.print(startup);
            return;
        }
        application.run(args);
    }
}
