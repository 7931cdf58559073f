package dev.vaporform.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.vaporform.platform.SharedCache;
import dev.vaporform.platform.SharedCaches;

/** One node: the first level alone. */
final class LocalSharedCaches implements SharedCaches {

    @Override
    public <V> SharedCache<V> create(String name, Class<V> type, Duration ttl) {
        return new Local<>(ttl);
    }

    static final class Local<V> implements SharedCache<V> {

        final Cache<String, Optional<V>> cache;

        Local(Duration ttl) {
            this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
        }

        @Override
        public Optional<V> get(String key, Function<String, Optional<V>> loader) {
            return cache.get(key, loader);
        }

        @Override
        public void invalidate(String key) {
            cache.invalidate(key);
        }
    }
}
