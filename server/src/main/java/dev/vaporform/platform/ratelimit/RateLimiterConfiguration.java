package dev.vaporform.platform.ratelimit;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.redis.RedisGuard;
import dev.vaporform.platform.redis.RedisProperties;

/** Limits shared through Redis when it is configured, this node's own otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    /** Bucket4j talks to Redis over a Lettuce client of its own, with the same short command timeout. */
    @Bean
    RateLimiter rateLimiter(ObjectProvider<RedisGuard> guard, RedisProperties properties) {
        if (properties.url().isBlank()) return new LocalRateLimiter();
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(Duration.ofMillis(500));
        return new RedisRateLimiter(RedisClient.create(uri), properties.keyPrefix(), new LocalRateLimiter(), guard.getObject());
    }
}
