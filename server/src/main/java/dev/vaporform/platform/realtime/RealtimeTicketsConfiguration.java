package dev.vaporform.platform.realtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.vaporform.platform.RealtimeTickets;
import dev.vaporform.platform.redis.RedisGuard;
import dev.vaporform.platform.redis.RedisProperties;

/** Tickets shared through Redis when it is configured, held in this process otherwise. */
@Configuration(proxyBeanMethods = false)
class RealtimeTicketsConfiguration {

    @Bean
    RealtimeTickets realtimeTickets(ObjectProvider<StringRedisTemplate> redis, ObjectProvider<RedisGuard> guard, RedisProperties properties) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) return new InMemoryRealtimeTickets();
        return new RedisRealtimeTickets(template, properties.keyPrefix(), new InMemoryRealtimeTickets(), guard.getObject());
    }
}
