package dev.vaporform.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.redis.RedisGuard;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap proxy over Lettuce), so a
 * limit holds for the installation, not per node. When Redis fails the node falls back to its
 * own buckets — limits stay on, per node, never off — and goes back to Redis once it answers.
 * Those own buckets are kept current while Redis answers (every token it grants is taken from
 * them too), so an outage never resets an allowance this node has already handed out.
 *
 * <p>Concurrent attempts on one key at this node go to Redis as one batch (Bucket4j's batching
 * optimisation): a burst from one address would otherwise be as many compare-and-swap loops
 * retrying against each other until they pass the command timeout, which looked like an outage
 * and let the burst through on this node's own allowance too
 * ({@code ClusterTests.aBurstOfSignUpsFromOneAddressOnBothNodesGetsTheLimitAndNoMore}). Batching
 * works per proxy object, so the proxies are kept, bounded, while their keys are in use.
 */
final class RedisRateLimiter implements RateLimiter {

    private final RedisClient client;
    private final LocalRateLimiter fallback;
    private final RedisGuard guard;
    private final String prefix;
    /** Connected on first use, so a node starts while Redis is away (and uses its own limits until it is back). */
    private volatile ProxyManager<byte[]> buckets;
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RedisRateLimiter(RedisClient client, String prefix, LocalRateLimiter fallback, RedisGuard guard) {
        this.client = client;
        this.prefix = prefix + "rate:";
        this.fallback = fallback;
        this.guard = guard;
    }

    @Override
    public Optional<Duration> tryConsume(RateLimit limit, String key) {
        if (!guard.available()) return fallback.tryConsume(limit, key);
        try {
            ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
            guard.succeeded();
            // What this node took is also taken from its own bucket, so that if Redis stops
            // answering (or answers past its timeout under a flood) the fallback does not hand out
            // a fresh allowance that was already spent.
            if (probe.isConsumed()) fallback.tryConsume(limit, key);
            return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            guard.failed("rate limit", e);
            return fallback.tryConsume(limit, key);
        }
    }

    @Override
    public void refund(RateLimit limit, String key) {
        if (!guard.available()) {
            fallback.refund(limit, key);
            return;
        }
        try {
            bucket(limit, key).addTokens(1);
            guard.succeeded();
            fallback.refund(limit, key);
        } catch (RuntimeException e) {
            guard.failed("rate limit", e);
            fallback.refund(limit, key);
        }
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> manager = buckets;
        if (manager == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = Bucket4jLettuce.casBasedBuilder(client)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                            .requestTimeout(Duration.ofMillis(500))
                            .build();
                }
                manager = buckets;
            }
        }
        return manager;
    }

    private BucketProxy bucket(RateLimit limit, String key) {
        return proxies.get(prefix + limit.name() + ":" + key, id -> buckets().builder()
                .withOptimization(Optimizations.batching())
                .build(id.getBytes(StandardCharsets.UTF_8), () -> BucketConfiguration.builder().addLimit(LocalRateLimiter.bandwidth(limit)).build()));
    }
}
