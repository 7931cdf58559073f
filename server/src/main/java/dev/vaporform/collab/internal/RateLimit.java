package dev.vaporform.collab.internal;

/** A token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}. */
public final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    /** A full bucket of {@code burst} tokens, refilled at {@code perSecond} (fractions allowed). */
    public RateLimit(double perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** @return whether one more message is allowed now */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
