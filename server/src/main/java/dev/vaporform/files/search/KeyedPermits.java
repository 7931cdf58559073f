package dev.vaporform.files.search;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts what each key (a user, a project) holds of something shared, at most {@code cap} at
 * once. Keys that hold nothing are forgotten, so the table is only as big as the work under way.
 */
final class KeyedPermits {

    private final int cap;
    private final Map<String, Integer> held = new HashMap<>();

    KeyedPermits(int cap) {
        if (cap < 1) throw new IllegalArgumentException("cap must be at least 1");
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** @return whether the key took one (it held fewer than the cap) */
    synchronized boolean tryTake(String key) {
        int now = held.getOrDefault(key, 0);
        if (now >= cap) return false;
        held.put(key, now + 1);
        return true;
    }

    /**
     * Waits until the key may take one, or the deadline passes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return whether one was taken
     */
    synchronized boolean take(String key, long deadlineNanos) throws InterruptedException {
        while (!tryTake(key)) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Gives back one the key took. */
    synchronized void give(String key) {
        held.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
        notifyAll(); // few waiters (each user's few searches), and any of them may be the key's
    }
}
