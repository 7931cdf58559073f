package dev.vaporform.platform.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.vaporform.platform.errors.Problems;
import dev.vaporform.platform.errors.RejectedUrls;

/**
 * Answers a URL the firewall refuses (before any controller or error page runs) with a
 * {@code request-rejected} problem whose {@code rule} member and sentence name what was wrong
 * ({@link RejectedUrls}), so a client can tell "your path has '//'" from a generic bad request.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        RejectedUrls.Rule rule = RejectedUrls.ruleBroken(request.getRequestURI())
                .orElse(new RejectedUrls.Rule("unsafe-request", "The server refused this request before reading it: " + rejected.getMessage()));
        Problems.write(response, Problems.with(
                Problems.of(HttpStatus.BAD_REQUEST, RejectedUrls.CODE, "Request rejected", rule.sentence()),
                Map.of("rule", rule.name())));
    }
}
