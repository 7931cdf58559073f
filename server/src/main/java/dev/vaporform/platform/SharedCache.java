package dev.vaporform.platform;

import java.util.Optional;
import java.util.function.Function;

/**
 * A cache of a hot lookup that every node keeps consistent: an in-process first level
 * (Caffeine) and, with Redis configured, a shared second level. {@link #invalidate} drops the
 * entry on every node within about a second (Redis pub/sub). Call it after the change has
 * committed (a {@code @TransactionalEventListener}): earlier, a concurrent reader could load the
 * old row again and cache it. Created by {@link SharedCaches}.
 *
 * @param <V> the cached value; serialisable to JSON when Redis holds it
 */
public interface SharedCache<V> {

    /** @return the value for the key: from this node, then Redis, then {@code loader} (empty = none, also cached) */
    Optional<V> get(String key, Function<String, Optional<V>> loader);

    /** Forgets the key on every node. */
    void invalidate(String key);
}
