package dev.vaporform.files.search;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads that check search candidates, shared fairly: each key (the user searching) may
 * have at most half the pool's threads' worth of slices queued or running at once, so one
 * user's work, however slow, never fills the pool, and the FIFO queue holds no more than that
 * share of any one user ahead of another's slice. A slice gives its share back when it ends,
 * or at once when it is cancelled before it started.
 */
final class SlicePool {

    private final int threads;
    private final KeyedPermits shares;
    private final ThreadPoolExecutor pool;

    SlicePool(int threads) {
        this.threads = threads;
        this.shares = new KeyedPermits(Math.max(1, threads / 2));
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("files-search-", 0).daemon().factory());
    }

    /** @return how many slices one key may have queued or running at once */
    int share() {
        return shares.cap();
    }

    int threads() {
        return threads;
    }

    /** @return the slice's future, or null when the key already holds its share */
    <T> Future<T> trySubmit(String key, Callable<T> slice) {
        return shares.tryTake(key) ? start(key, slice) : null;
    }

    /** @return the slice's future once the key has room for it, or null when the deadline passed first */
    <T> Future<T> submit(String key, Callable<T> slice, long deadlineNanos) {
        try {
            return shares.take(key, deadlineNanos) ? start(key, slice) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private <T> Future<T> start(String key, Callable<T> slice) {
        Slot<T> slot = new Slot<>(key, slice);
        try {
            pool.execute(slot);
        } catch (RejectedExecutionException shutDown) {
            slot.cancel(false); // gives the share back
        }
        return slot;
    }

    void shutdown() {
        pool.shutdownNow();
    }

    /** A slice that gives its key's share back exactly once: when it ran, or when cancelled before. */
    private final class Slot<T> extends FutureTask<T> {

        private final String key;
        private final AtomicBoolean settled = new AtomicBoolean();

        Slot(String key, Callable<T> slice) {
            super(slice);
            this.key = key;
        }

        @Override
        public void run() {
            if (!settled.compareAndSet(false, true)) return; // cancelled before it started
            try {
                super.run();
            } finally {
                shares.give(key); // only now is the thread free, even if cancelled while running
            }
        }

        @Override
        protected void done() {
            if (settled.compareAndSet(false, true)) shares.give(key);
        }
    }
}
