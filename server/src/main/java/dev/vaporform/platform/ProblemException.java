package dev.vaporform.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Base of every exception that names a fact the client should be told about. It carries the
 * HTTP status and a stable problem {@code code}; the error handler turns it into an
 * RFC 9457 body whose {@code type} is {@link ProblemTypes#of(String) derived from the code}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected ProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    protected ProblemException(HttpStatus status, String code, String title, String detail,
                               Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** @return the HTTP status of the answer */
    public HttpStatus status() { return status; }

    /** @return the stable, machine-readable problem code, e.g. {@code project-not-found} */
    public String code() { return code; }

    /** @return a short human summary that does not change between occurrences */
    public String title() { return title; }

    /** @return extra members for the problem body (never secrets) */
    public Map<String, Object> properties() { return properties; }
}
