package dev.vaporform.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts events per key against a {@link RateLimit}. The embedded implementation keeps buckets
 * in this process; with Redis configured they are shared by every node.
 */
public interface RateLimiter {

    /**
     * Records one event for the key.
     *
     * @return empty when the event fits within the limit; otherwise how long to wait before the
     *         next event would fit (the event is then not counted)
     */
    Optional<Duration> tryConsume(RateLimit limit, String key);

    /**
     * Gives back one event taken by {@link #tryConsume} that turned out not to count (a login
     * whose password was right); the bucket never grows beyond its capacity.
     */
    void refund(RateLimit limit, String key);
}
