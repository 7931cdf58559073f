package dev.vaporform.platform.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Redis through Lettuce, only when {@code REDIS_URL} ({@code vaporform.redis.url}) is set: a
 * connection factory (which also gives {@code /actuator/health} its redis component), a string
 * template for publishing and a listener container for subscriptions. Without it no Redis bean
 * exists and modules use their in-process equivalents. Boot's own Redis auto-configuration is
 * excluded in application.yml, since it would connect to localhost:6379 by default.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisConfiguration {

    /**
     * Commands time out after {@link #COMMAND_TIMEOUT}, not Lettuce's default minute: every
     * caller has a fallback for Redis being away, and it must not wait long to use it.
     */
    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisProperties properties) {
        var client = LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT);
        if (properties.url().startsWith("rediss:")) client.useSsl();
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(properties.url()), client.build());
    }

    static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofMillis(500);

    @Bean
    RedisGuard redisGuard() {
        return new RedisGuard(java.time.Duration.ofSeconds(3));
    }

    /** Named so it replaces Boot's indicator: Redis down is DEGRADED (the node serves on), not DOWN. */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator redisHealthContributor(RedisConnectionFactory factory, RedisGuard guard) {
        return new RedisHealth(factory, guard);
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }

    @Bean
    RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory factory) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        // Deliver on the subscription's own thread, in arrival order: listeners only hand work off.
        // The default executor starts a thread per message, which reorders a document's ops.
        container.setTaskExecutor(new SyncTaskExecutor());
        return container;
    }
}
