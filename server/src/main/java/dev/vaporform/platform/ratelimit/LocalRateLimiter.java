package dev.vaporform.platform.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;

/**
 * Bucket4j buckets held in this process. Buckets expire a while after their last use, so an
 * attacker spraying keys cannot grow memory without bound: a forgotten bucket is a full one,
 * which is exactly what a fresh bucket would be once its period has passed.
 */
final class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    @Override
    public Optional<Duration> tryConsume(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }


    @Override
    public void refund(RateLimit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    private Bucket bucket(RateLimit limit, String key) {
        return buckets.get(limit.name() + ":" + key, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    }

    static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }
}
