package dev.vaporform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Vaporform: one Spring Boot application whose modules are verified by Spring Modulith. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // bearer tokens only
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class VaporformApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaporformApplication.class, args);
    }
}
