package dev.vaporform.auth;

import java.util.UUID;

/**
 * Whether a caller who authenticated a while ago is still signed in, for long-lived connections
 * (WebSockets) that re-check their user now and then.
 */
public interface SignInSessions {

    /**
     * @param userId    the user
     * @param sessionId the sign-in session (refresh-token family) the caller's token belonged to;
     *                  null for API tokens, which have no session
     * @return true while the user is active and the session neither ended (logout, logout-all,
     *         password change elsewhere, deactivation, refresh-token reuse) nor expired (its
     *         newest refresh token is past its lifetime)
     */
    boolean isSignedIn(UUID userId, UUID sessionId);
}
