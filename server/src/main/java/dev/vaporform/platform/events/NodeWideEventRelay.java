package dev.vaporform.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.platform.AfterCommit;
import dev.vaporform.platform.NodeWideEvent;
import dev.vaporform.platform.redis.RedisGuard;

/**
 * Carries {@link NodeWideEvent}s between nodes over one Redis channel ({@code <key-prefix>node-events}):
 * after the publishing transaction commits, the event goes out as JSON with its type and this
 * node's id; every other node publishes it to its own listeners. Received events are published
 * one at a time on a thread of their own, in arrival order: the Redis subscription's thread
 * delivers everything else too (document ops) and must not wait on a slow socket. An event
 * received is not sent on again.
 */
final class NodeWideEventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeWideEventRelay.class);
    // Tolerates a field added by a newer node during a rolling upgrade.
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String nodeId = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final String channel;
    private final RedisGuard guard;
    private final ApplicationEventPublisher events;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("node-wide-events").factory());
    /** Set while this relay publishes an event another node sent, so it is not sent back out. */
    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

    NodeWideEventRelay(StringRedisTemplate redis, RedisMessageListenerContainer container, String keyPrefix, RedisGuard guard,
                       ApplicationEventPublisher events) {
        this.redis = redis;
        this.channel = keyPrefix + "node-events";
        this.guard = guard;
        this.events = events;
        container.addMessageListener((message, pattern) -> received(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(channel));
    }

    @EventListener
    void on(NodeWideEvent event) {
        if (relaying.get()) return;
        AfterCommit.run(() -> send(event));
    }

    private void send(NodeWideEvent event) {
        if (!guard.available()) return; // Redis just failed: do not make the request wait for its timeout again
        ObjectNode message = JSON.createObjectNode().put("n", nodeId).put("t", event.getClass().getName());
        message.set("e", JSON.valueToTree(event));
        try {
            redis.convertAndSend(channel, message.toString());
            guard.succeeded();
        } catch (RuntimeException e) {
            guard.failed("node-wide event", e);
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (nodeId.equals(message.path("n").asString())) return;
            Object event = JSON.treeToValue(message.path("e"), eventType(message.path("t").asString()));
            delivery.execute(() -> publish(event));
        } catch (RuntimeException | ClassNotFoundException e) {
            log.warn("Dropped a node-wide event that could not be read: {}", e.toString());
        }
    }

    /** Loads the named class without initialising it, and only accepts a {@link NodeWideEvent}. */
    private static Class<?> eventType(String name) throws ClassNotFoundException {
        Class<?> type = Class.forName(name, false, NodeWideEventRelay.class.getClassLoader());
        if (!NodeWideEvent.class.isAssignableFrom(type)) throw new ClassNotFoundException(name + " is not a node-wide event");
        return type;
    }

    private void publish(Object event) {
        relaying.set(true);
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A listener of node-wide event {} failed", event.getClass().getSimpleName(), e);
        } finally {
            relaying.set(false);
        }
    }

    @Override
    public void destroy() {
        delivery.shutdownNow();
    }
}
