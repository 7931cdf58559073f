package dev.vaporform.files.search;

import java.time.Duration;
import java.util.UUID;

import dev.vaporform.files.SearchBusy;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * Lets a user's search start only within their limits: a rate per minute (the platform's rate
 * limiter, shared by every node with Redis) and a few searches running at once on this node.
 * Beyond either the answer is an immediate 429, never a wait that would hold a request thread.
 */
final class SearchAdmission {

    /** A running search is over within the time budget; a second is the shortest honest wait to suggest. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final RateLimiter limiter;
    private final RateLimit perMinute;
    private final KeyedPermits running;

    SearchAdmission(RateLimiter limiter, FilesProperties properties) {
        this.limiter = limiter;
        this.perMinute = new RateLimit("search-user", properties.searchesPerMinute(), Duration.ofMinutes(1));
        this.running = new KeyedPermits(properties.searchesPerUser());
    }

    /** A search that was let in; closing it frees its place. */
    interface Admitted extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @throws TooManyRequests when the user started too many searches this minute ({@code rate-limited})
     * @throws SearchBusy      when the user already has the most searches running ({@code search-busy})
     */
    Admitted admit(UUID userId) {
        String key = userId.toString();
        limiter.tryConsume(perMinute, key).ifPresent(wait -> {
            throw new TooManyRequests("You started " + perMinute.capacity() + " searches in the last minute, the most allowed. Wait a moment.", wait);
        });
        if (!running.tryTake(key)) throw new SearchBusy(running.cap(), BUSY_RETRY);
        return () -> running.give(key);
    }
}
