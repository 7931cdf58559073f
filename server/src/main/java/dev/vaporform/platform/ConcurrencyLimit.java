package dev.vaporform.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many of one kind of costly work this node runs at once, in all and per key (a
 * user). A caller over its key's share is refused at once ({@link TooManyRequests}, 429: it
 * asked for too much); one that finds the node full waits at most {@code wait} for a slot, then
 * is refused ({@link ServiceBusy}, 503: retrying later works). Never an endless queue.
 */
public final class ConcurrencyLimit {

    /** A held slot; closing it gives the slot back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore node;
    private final int perKey;
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    /**
     * @param total  slots on this node, at least 1
     * @param perKey slots one key may hold at once; {@link Integer#MAX_VALUE} for no share
     */
    public ConcurrencyLimit(int total, int perKey) {
        if (total < 1 || perKey < 1) throw new IllegalArgumentException("limits must be at least 1");
        this.node = new Semaphore(total, true);
        this.perKey = perKey;
    }

    /**
     * @param keyFull  the refusal when the key holds its share already
     * @param nodeFull the refusal when no slot of the node frees up within {@code wait}
     */
    public Slot acquire(String key, Duration wait, Supplier<? extends RuntimeException> keyFull,
                        Supplier<? extends RuntimeException> nodeFull) {
        if (!takeShare(key)) throw keyFull.get();
        if (!takeNodeSlot(wait)) {
            giveShare(key);
            throw nodeFull.get();
        }
        return () -> {
            node.release();
            giveShare(key);
        };
    }

    /** @return slots of the node free right now (for logs and tests) */
    public int available() {
        return node.availablePermits();
    }

    private boolean takeShare(String key) {
        boolean[] taken = {false};
        held.compute(key, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perKey) return n;
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    private void giveShare(String key) {
        held.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private boolean takeNodeSlot(Duration wait) {
        try {
            return wait.isZero() ? node.tryAcquire() : node.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
