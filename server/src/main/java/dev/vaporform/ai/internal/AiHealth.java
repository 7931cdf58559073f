package dev.vaporform.ai.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The AI provider's state for readiness: UP when configured and answering, DEGRADED (answered
 * 200: the node serves everything else) while the breaker is open, UNKNOWN when none is
 * configured, which does not lower the node's overall state.
 */
@Component("ai")
class AiHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "AI provider failing: AI requests are refused for now");

    private final AiModel model;

    AiHealth(AiModel model) {
        this.model = model;
    }

    @Override
    public Health health() {
        return model.configured().map(m -> m.state() == CircuitBreaker.State.OPEN ? Health.status(DEGRADED).build() : Health.up().build())
                .orElseGet(() -> Health.unknown().build());
    }
}
