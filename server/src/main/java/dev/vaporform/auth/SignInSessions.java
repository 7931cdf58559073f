package dev.vaporform.auth;

import java.util.Collection;
import java.util.Set;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * Whether callers who authenticated a while ago are still signed in, for long-lived connections
 * (WebSockets): between the {@link SignInEnded} events that close them at once, every socket
 * registry re-checks its callers now and then, which catches what no event announces (a session
 * or an API token that expired) and what a node missed (Redis away).
 */
public interface SignInSessions {

    /**
     * @return true while the caller's user is active, the sign-in session of the caller's access
     *         token ({@link AuthenticatedUser#sessionId()}) neither ended (logout, logout-all,
     *         password change elsewhere, deactivation, refresh-token reuse) nor expired (its newest
     *         refresh token is past its lifetime), and the API token the caller presented
     *         ({@link AuthenticatedUser#apiTokenId()}) still exists and has not expired
     */
    boolean isSignedIn(AuthenticatedUser caller);

    /**
     * Asks {@link #isSignedIn} once per distinct caller. When the check fails (the database is
     * down) the answer is that nobody signed out: an outage must not close every socket.
     *
     * @return the callers among {@code callers} who are no longer signed in
     */
    Set<AuthenticatedUser> signedOut(Collection<AuthenticatedUser> callers);
}
