package dev.vaporform.collab.internal;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Redis pub/sub when the platform configured Redis ({@code REDIS_URL}), else the in-process bus. */
@Configuration(proxyBeanMethods = false)
class ClusterBusConfiguration {

    @Bean
    ClusterBus clusterBus(ObjectProvider<StringRedisTemplate> redis, ObjectProvider<RedisMessageListenerContainer> container,
                          CollabProperties properties) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) return new LocalClusterBus();
        LoggerFactory.getLogger(ClusterBus.class).info("Collaboration fans out between nodes over Redis");
        return new RedisClusterBus(template, container.getObject(), properties.redisChannelPrefix());
    }
}
