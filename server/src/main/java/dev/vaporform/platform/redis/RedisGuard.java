package dev.vaporform.platform.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that Redis just failed, so callers with a local fallback (shared caches, rate
 * limits, realtime tickets) use it for a few seconds instead of each waiting for Redis's
 * timeout; after the pause the next call tries Redis again, which is how they recover without a
 * restart. Logs the first failure of each outage and the recovery.
 */
public final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final Duration pause;
    private final AtomicLong downUntil = new AtomicLong();
    private volatile boolean down;

    public RedisGuard(Duration pause) {
        this.pause = pause;
    }

    /** @return false while Redis is known to be down (the pause after a failure) */
    public boolean available() {
        return System.nanoTime() - downUntil.get() >= 0;
    }

    public void failed(String what, RuntimeException e) {
        downUntil.set(System.nanoTime() + pause.toNanos());
        if (!down) {
            down = true;
            log.warn("Redis unavailable ({}: {}); falling back to this node's caches and limits for now", what, e.getMessage());
        }
    }

    public void succeeded() {
        if (down) {
            down = false;
            log.info("Redis is back");
        }
    }

    public boolean down() {
        return down;
    }
}
