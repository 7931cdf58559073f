package dev.vaporform.platform.cache;

import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.vaporform.platform.SharedCaches;
import dev.vaporform.platform.redis.RedisGuard;
import dev.vaporform.platform.redis.RedisProperties;

/** Two-level caches when Redis is configured, in-process ones otherwise. */
@Configuration(proxyBeanMethods = false)
class SharedCachesConfiguration {

    @Bean
    SharedCaches sharedCaches(ObjectProvider<StringRedisTemplate> redis, ObjectProvider<RedisMessageListenerContainer> container,
                              ObjectProvider<RedisGuard> guard, RedisProperties properties) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) return new LocalSharedCaches();
        var timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cache-invalidation").daemon().factory());
        return new RedisSharedCaches(template, container.getObject(), properties.keyPrefix(), timers, guard.getObject());
    }
}
