package dev.vaporform.platform;

import java.util.List;

/**
 * The explicit list of routes anyone may call without a token. Everything under {@code /api}
 * that is not listed here needs authentication; the route-inventory test fails the build when a
 * new handler is neither listed here nor guarded.
 */
public final class PublicRoutes {

    /** Ant-style patterns of API routes open to anonymous callers, each with its reason. */
    public static final List<String> API = List.of(
            "/api/auth/register",   // signing up is how one gets a token
            "/api/auth/login",      // signing in is how one gets a token
            "/api/auth/refresh",    // authenticated by the refresh token in the body
            "/api/auth/logout");    // authenticated by the refresh token in the body

    /**
     * Operational and documentation routes open to anyone. Metrics and info are served only by the
     * management server (its own port, on loopback unless configured otherwise), which is their
     * access control; the public port answers them 404. The health probes are on both.
     */
    public static final List<String> OPERATIONS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error");

    private PublicRoutes() {}
}
