package dev.vaporform.collab.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.connection.MessageListener;

/**
 * The bus over Redis pub/sub: one channel per document or project, prefixed with
 * {@code redis-channel-prefix}, subscribed only while this node has a client for it. A Redis
 * outage loses messages (logged, never thrown): nodes catch up from the op log on the next op.
 */
final class RedisClusterBus implements ClusterBus {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterBus.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container;
    private final String prefix;

    RedisClusterBus(StringRedisTemplate redis, RedisMessageListenerContainer container, String prefix) {
        this.redis = redis;
        this.container = container;
        this.prefix = prefix;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean distributed() {
        return true;
    }

    @Override
    public void publish(String channel, String message) {
        try {
            redis.convertAndSend(prefix + channel, message);
        } catch (RuntimeException e) {
            log.warn("Publishing on Redis failed ({}); other nodes catch up from the database", e.getMessage());
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        ChannelTopic topic = new ChannelTopic(prefix + channel);
        MessageListener adapter = (message, pattern) -> listener.accept(new String(message.getBody(), StandardCharsets.UTF_8));
        container.addMessageListener(adapter, topic);
        return () -> container.removeMessageListener(adapter, topic);
    }
}
