package dev.vaporform.platform.errors;

import java.util.Locale;
import java.util.Optional;

/**
 * Names the rule a URL refused before any route saw it breaks (by Spring Security's firewall or
 * by Tomcat itself), read off the raw request URI, for a {@code request-rejected} problem. The
 * firewall's or Tomcat's own message is no stable contract, so it is not parsed.
 */
public final class RejectedUrls {

    /** The problem code of every such refusal. */
    public static final String CODE = "request-rejected";

    /** @param name the {@code rule} member; @param sentence the problem's detail */
    public record Rule(String name, String sentence) {}

    private RejectedUrls() {}

    /** @return the rule the raw URI breaks, or empty when it breaks none of those known */
    public static Optional<Rule> ruleBroken(String rawUri) {
        String uri = rawUri == null ? "" : rawUri;
        String lower = uri.toLowerCase(Locale.ROOT);
        if (uri.contains("//")) return rule("empty-segment", "A path may not contain '//' (an empty part); write one '/' between names.");
        if (uri.contains("/../") || uri.endsWith("/..")) return rule("dot-segment", "A path may not contain '..'.");
        if (uri.contains("/./") || uri.endsWith("/.")) return rule("dot-segment", "A path may not contain '.' as a part; leave it out.");
        if (lower.contains("%2f")) return rule("encoded-slash", "A path may not contain an encoded '/' (%2F).");
        if (lower.contains("%2e")) return rule("encoded-period", "A path may not contain an encoded '.' (%2E).");
        if (uri.contains("\\") || lower.contains("%5c")) return rule("backslash", "A path may not contain a backslash; use '/' between names.");
        if (uri.contains(";") || lower.contains("%3b")) return rule("semicolon", "A path may not contain ';'.");
        if (lower.contains("%25")) return rule("encoded-percent", "A path may not contain '%' (encoded as %25).");
        if (lower.contains("%00") || uri.chars().anyMatch(Character::isISOControl)) {
            return rule("control-character", "A path may not contain control characters.");
        }
        return Optional.empty();
    }

    private static Optional<Rule> rule(String name, String sentence) {
        return Optional.of(new Rule(name, sentence));
    }
}
