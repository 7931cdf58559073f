package dev.vaporform.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * This node has no capacity left for the request right now (503); the handler adds
 * {@code Retry-After}. Unlike {@link TooManyRequests} the client did nothing wrong: retrying
 * after the wait is expected to work.
 */
public class ServiceBusy extends ProblemException {

    private final long retryAfterSeconds;

    /**
     * @param code       the stable problem code, e.g. {@code auth-busy}
     * @param retryAfter how long the client should wait, rounded up to whole seconds (at least 1)
     */
    public ServiceBusy(String code, String title, String detail, Duration retryAfter) {
        this(code, title, detail, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private ServiceBusy(String code, String title, String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, title, detail, Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the wait in whole seconds, as {@code Retry-After} wants it */
    public long retryAfterSeconds() { return retryAfterSeconds; }
}
