package dev.vaporform.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A rate limit is exhausted (429); the handler adds {@code Retry-After} from {@link #retryAfter()}. */
public class TooManyRequests extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        this("rate-limited", "Too many requests", detail, retryAfter);
    }

    /** A refusal with its own stable code, e.g. {@code too-many-imports} or {@code search-busy}. */
    public TooManyRequests(String code, String title, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, title, detail, Map.of("retryAfterSeconds", seconds(retryAfter)));
        this.retryAfter = retryAfter;
    }

    /** @return how long the client should wait, rounded up to whole seconds when sent */
    public Duration retryAfter() { return retryAfter; }

    /** @return the wait in whole seconds, at least 1, as {@code Retry-After} wants it */
    public long retryAfterSeconds() { return seconds(retryAfter); }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
