package dev.vaporform.platform;

import java.time.Duration;

/** Makes {@link SharedCache}s: in-process only on one node, two-level with Redis. */
public interface SharedCaches {

    /**
     * @param name  unique per cache: names its Redis keys and invalidation messages
     * @param type  the value type (JSON-serialisable)
     * @param ttl   how long an entry may live: a safety net, since changes invalidate at once
     */
    <V> SharedCache<V> create(String name, Class<V> type, Duration ttl);
}
