package dev.vaporform.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis for readiness: UP when it answers a PING; DEGRADED (answered 200) when it does not —
 * the node keeps serving everything local, rate limits fall back to this node's, and fan-out to
 * other nodes resumes when Redis returns — so a Redis outage does not empty the load balancer.
 */
final class RedisHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis unavailable: this node serves alone until it returns");

    private final RedisConnectionFactory factory;
    private final RedisGuard guard;

    RedisHealth(RedisConnectionFactory factory, RedisGuard guard) {
        this.factory = factory;
        this.guard = guard;
    }

    @Override
    public Health health() {
        try (var connection = factory.getConnection()) {
            connection.ping();
            guard.succeeded();
            return Health.up().build();
        } catch (RuntimeException e) {
            guard.failed("health check", e);
            return Health.status(DEGRADED).build();
        }
    }
}
