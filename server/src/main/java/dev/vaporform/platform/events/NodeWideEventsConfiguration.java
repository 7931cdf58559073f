package dev.vaporform.platform.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.vaporform.platform.redis.RedisConfigured;
import dev.vaporform.platform.redis.RedisGuard;
import dev.vaporform.platform.redis.RedisProperties;

/** The relay of {@link dev.vaporform.platform.NodeWideEvent}s, with Redis only: a node alone has its local events. */
@Configuration(proxyBeanMethods = false)
class NodeWideEventsConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    NodeWideEventRelay nodeWideEventRelay(StringRedisTemplate redis, RedisMessageListenerContainer container, RedisGuard guard,
                                          RedisProperties properties, ApplicationEventPublisher events) {
        return new NodeWideEventRelay(redis, container, properties.keyPrefix(), guard, events);
    }
}
