package dev.vaporform.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.vaporform.platform.errors.Problems;

/**
 * Refuses oversized JSON bodies with 413 before anything reads them. A declared
 * {@code Content-Length} is checked up front; a chunked body is counted as it is read.
 * Upload routes (raw file contents, zip archives) are exempt: their modules enforce their own
 * configurable limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Suffixes of routes that take raw uploads, checked against the path after the project id. */
    private static final List<String> UPLOAD_MARKERS = List.of("/files/", "/archive");

    private final long maxBytes;

    RequestBodyLimitFilter(HttpProperties properties) {
        this.maxBytes = properties.maxJsonBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than the " + maxBytes + " bytes this route accepts."));
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") || UPLOAD_MARKERS.stream().anyMatch(uri::contains);
    }
}
