package dev.vaporform.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.platform.SharedCache;
import dev.vaporform.platform.SharedCaches;
import dev.vaporform.platform.redis.RedisGuard;

/**
 * Several nodes: a short-lived first level per node, a shared second level in Redis, and
 * invalidations broadcast on one channel. The Redis key is deleted twice, at once and a second
 * later, so a node that read the old row just before the change cannot leave it in Redis for
 * longer than that. Redis failures never fail a lookup: the node reads the database instead and
 * keeps only its first level (whose expiry then bounds how stale another node can be).
 */
final class RedisSharedCaches implements SharedCaches {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The first level's lifetime with Redis: the staleness bound while Redis is unreachable. */
    static final Duration FIRST_LEVEL = Duration.ofSeconds(10);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final String channel;
    private final ScheduledExecutorService timers;
    private final Map<String, TwoLevel<?>> caches = new ConcurrentHashMap<>();
    private final RedisGuard guard;

    RedisSharedCaches(StringRedisTemplate redis, RedisMessageListenerContainer container, String prefix, ScheduledExecutorService timers,
                      RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
        this.prefix = prefix + "cache:";
        this.channel = prefix + "cache-invalidate";
        this.timers = timers;
        container.addMessageListener((message, pattern) -> received(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)),
                new ChannelTopic(channel));
    }

    @Override
    public <V> SharedCache<V> create(String name, Class<V> type, Duration ttl) {
        var cache = new TwoLevel<>(name, type, ttl);
        caches.put(name, cache);
        return cache;
    }

    private void received(String message) {
        int newline = message.indexOf('\n');
        if (newline < 0) return;
        TwoLevel<?> cache = caches.get(message.substring(0, newline));
        if (cache != null) cache.first.cache.invalidate(message.substring(newline + 1));
    }

    private void failed(String what, RuntimeException e) {
        guard.failed("shared cache " + what, e);
    }

    private final class TwoLevel<V> implements SharedCache<V> {

        private final String name;
        private final Class<V> type;
        private final Duration ttl;
        private final LocalSharedCaches.Local<V> first;

        TwoLevel(String name, Class<V> type, Duration ttl) {
            this.name = name;
            this.type = type;
            this.ttl = ttl;
            this.first = new LocalSharedCaches.Local<>(ttl.compareTo(FIRST_LEVEL) < 0 ? ttl : FIRST_LEVEL);
        }

        @Override
        public Optional<V> get(String key, Function<String, Optional<V>> loader) {
            return first.cache.get(key, k -> second(k).orElseGet(() -> load(k, loader)));
        }

        private Optional<Optional<V>> second(String key) {
            if (!guard.available()) return Optional.empty();
            try {
                String stored = redis.opsForValue().get(prefix + name + ":" + key);
                guard.succeeded();
                if (stored == null) return Optional.empty();
                JsonNode node = JSON.readTree(stored);
                return Optional.of(node.has("v") ? Optional.of(JSON.treeToValue(node.get("v"), type)) : Optional.empty());
            } catch (RuntimeException e) {
                failed("read", e);
                return Optional.empty();
            }
        }

        private Optional<V> load(String key, Function<String, Optional<V>> loader) {
            Optional<V> value = loader.apply(key);
            if (!guard.available()) return value;
            try {
                String stored = JSON.writeValueAsString(value.isPresent() ? Map.of("v", value.get()) : Map.of("absent", true));
                redis.opsForValue().set(prefix + name + ":" + key, stored, ttl);
            } catch (RuntimeException e) {
                failed("write", e);
            }
            return value;
        }

        @Override
        public void invalidate(String key) {
            {
                first.cache.invalidate(key);
                String redisKey = prefix + name + ":" + key;
                try {
                    redis.delete(redisKey);
                    redis.convertAndSend(channel, name + "\n" + key);
                } catch (RuntimeException e) {
                    failed("invalidate", e);
                }
                timers.schedule(() -> {
                    try {
                        redis.delete(redisKey);
                    } catch (RuntimeException ignored) {
                        // Redis is down: its entries expire with their TTL
                    }
                }, 1, TimeUnit.SECONDS);
            }
        }
    }
}
