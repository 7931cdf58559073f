package dev.vaporform.ai.internal.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider did not answer as asked. {@link Kind} decides what happens next: only
 * {@code RATE_LIMITED} and {@code OVERLOADED} are retried, a spend limit never is.
 */
public final class ProviderFailure extends RuntimeException {

    public enum Kind {
        /** 429: too many requests for now */
        RATE_LIMITED,
        /** 529 (Anthropic's "overloaded"), 503 */
        OVERLOADED,
        /** 402 or a billing error: the account's spend limit; retrying cannot help */
        SPEND_LIMIT,
        /** 401/403: the configured key is wrong */
        AUTHENTICATION,
        /** another 4xx: the request was refused (too long a context, say) */
        REFUSED,
        /** 5xx, a connection that failed or an error event in the middle of the answer */
        FAILED,
        /** no first token, or no end, in time (set by the caller that gave up) */
        TIMEOUT
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public ProviderFailure(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() { return kind; }

    /** @return the provider's HTTP status, or 0 when there was none (connection, stream event) */
    public int status() { return status; }

    /** @return the provider's {@code retry-after}, when it sent one */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.OVERLOADED;
    }

    /** @return whether the failure says something about the provider's health (the breaker counts it) */
    public boolean providerFault() {
        return kind == Kind.OVERLOADED || kind == Kind.FAILED || kind == Kind.TIMEOUT;
    }

    /** @return a {@code retry-after} header value in seconds (or an HTTP date), when it is usable */
    public static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds >= 0 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                var at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException neither) {
                return null;
            }
        }
    }

    /** A failure without an answer: a read that timed out is a timeout, anything else a failure. */
    public static ProviderFailure connection(String who, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.InterruptedIOException) {
                return new ProviderFailure(ProviderFailure.Kind.TIMEOUT, 0, who + " did not answer in time.", null, e);
            }
        }
        return new ProviderFailure(ProviderFailure.Kind.FAILED, 0, who + " could not be reached: " + e.getMessage(), null, e);
    }
}
