package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/**
 * The write would take the project's stored versions over {@code max-history-size}, and every
 * version that could be pruned already was: what is left is recent history, which is never
 * pruned (413). Retrying once versions are older than {@code history-keep-age} works.
 */
public class HistoryQuotaExceeded extends ProblemException {

    public HistoryQuotaExceeded(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, "history-quota-exceeded", "File history quota exceeded", detail, properties);
    }
}
