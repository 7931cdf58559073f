package dev.vaporform.platform.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health probes on the public port as well, while the rest of {@code /actuator} (metrics,
 * info) is served only by the management server ({@code management.server.port}, by default 8081
 * on loopback). The launcher, the benchmarks, load balancers and container probes ask the port
 * they talk to for {@code /actuator/health/readiness}; Boot's own additional paths for health
 * groups take a single segment ({@code /readyz}), which would move every one of them. So these
 * paths are answered here by Boot's health endpoint itself: the same groups, status codes
 * (DOWN 503, DEGRADED 200) and body as on the management port.
 */
@Hidden
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealthProbes {

    private static final String HEALTH = "/actuator/health";

    private final HealthEndpointWebExtension health;

    PublicHealthProbes(HealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping(path = HEALTH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HealthDescriptor> overall() {
        return answer();
    }

    @GetMapping(path = HEALTH + "/{group:liveness|readiness}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HealthDescriptor> group(@PathVariable String group) {
        return answer(group);
    }

    private ResponseEntity<HealthDescriptor> answer(String... path) {
        WebEndpointResponse<HealthDescriptor> response =
                health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false, path);
        return ResponseEntity.status(response.getStatus()).body(response.getBody());
    }
}
