package dev.vaporform.platform.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.vaporform.platform.errors.Problems;

/**
 * Answers a URL the firewall refuses (before any controller or error page runs) with a
 * {@code request-rejected} problem whose {@code rule} member and sentence name what was wrong,
 * so a client can tell "your path has '//'" from a generic bad request. The rule is read off
 * the raw request URI, not the firewall's message, which is no stable contract.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private record Rule(String name, String sentence) {}

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Rule rule = ruleBroken(request.getRequestURI(), rejected.getMessage());
        Problems.write(response, Problems.with(
                Problems.of(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected", rule.sentence()),
                Map.of("rule", rule.name())));
    }

    private static Rule ruleBroken(String rawUri, String reason) {
        String uri = rawUri == null ? "" : rawUri;
        String lower = uri.toLowerCase(Locale.ROOT);
        if (uri.contains("//")) return new Rule("empty-segment", "A path may not contain '//' (an empty part); write one '/' between names.");
        if (uri.contains("/../") || uri.endsWith("/..")) return new Rule("dot-segment", "A path may not contain '..'.");
        if (uri.contains("/./") || uri.endsWith("/.")) return new Rule("dot-segment", "A path may not contain '.' as a part; leave it out.");
        if (lower.contains("%2f")) return new Rule("encoded-slash", "A path may not contain an encoded '/' (%2F).");
        if (lower.contains("%2e")) return new Rule("encoded-period", "A path may not contain an encoded '.' (%2E).");
        if (uri.contains("\\") || lower.contains("%5c")) return new Rule("backslash", "A path may not contain a backslash; use '/' between names.");
        if (uri.contains(";") || lower.contains("%3b")) return new Rule("semicolon", "A path may not contain ';'.");
        if (lower.contains("%25")) return new Rule("encoded-percent", "A path may not contain '%' (encoded as %25).");
        if (lower.contains("%00") || uri.chars().anyMatch(Character::isISOControl)) {
            return new Rule("control-character", "A path may not contain control characters.");
        }
        return new Rule("unsafe-request", "The server refused this request before reading it: " + reason);
    }
}
