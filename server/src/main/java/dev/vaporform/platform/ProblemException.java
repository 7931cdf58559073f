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

    /**
     * The problem as the RFC 9457 body the error handler would send, for answers that cannot be
     * an HTTP status any more (an {@code error} event in a stream already under way).
     *
     * @param correlationId the request's correlation id (the MDC's {@code correlationId}), or null
     */
    public Map<String, Object> toBody(String correlationId) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", ProblemTypes.of(code).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", getMessage());
        body.put("code", code);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
            body.put("instance", "urn:vaporform:request:" + correlationId);
        }
        body.putAll(properties);
        return body;
    }
}
