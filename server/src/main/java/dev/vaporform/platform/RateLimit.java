package dev.vaporform.platform;

import java.time.Duration;

/**
 * A limit of {@code capacity} events per {@code period}, refilled gradually.
 *
 * @param name     names the limit in metrics and keys (e.g. {@code login-account})
 * @param capacity how many events fit in one period, at least 1
 * @param period   the window the capacity refers to
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive");
    }
}
