package dev.vaporform.containers.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Docker's state for readiness. Without an engine the node still serves everything but
 * workspaces, so it reports {@code DEGRADED} (answered 200) rather than DOWN, which would take the
 * whole node out of the load balancer.
 */
@Component("docker")
class DockerHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Docker engine unavailable: workspaces are off");

    private final DockerEngine engine;

    DockerHealth(DockerEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        return engine.available() ? Health.up().build() : Health.status(DEGRADED).build();
    }
}
