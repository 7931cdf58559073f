package dev.vaporform.files;

import java.time.Duration;

import dev.vaporform.platform.TooManyRequests;

/**
 * The caller already has as many searches running as one user may (429 {@code search-busy},
 * with {@code Retry-After}): further ones are refused at once instead of queueing behind them.
 */
public class SearchBusy extends TooManyRequests {

    public SearchBusy(int running, Duration retryAfter) {
        super("search-busy", "Search busy",
                "You already have " + running + " searches running, the most allowed at once. Wait for them to finish.", retryAfter);
    }
}
