package dev.vaporform.platform;

/**
 * What the platform's WebSocket handshake leaves in the session attributes: the authenticated
 * caller under {@link #USER}. Every WebSocket endpoint is registered with the platform's
 * handshake interceptor, which refuses the upgrade (401/403, problem+json) before any handler
 * runs when the Origin is foreign or no valid ticket or bearer token is presented.
 */
public final class RealtimeHandshake {

    /** Session attribute holding the {@link AuthenticatedUser}. */
    public static final String USER = "vaporform.user";

    private RealtimeHandshake() {}
}
