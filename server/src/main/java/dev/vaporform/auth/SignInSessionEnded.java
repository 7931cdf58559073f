package dev.vaporform.auth;

import java.util.UUID;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * One sign-in session (refresh-token family) of a user ended: a logout, or the session revoked
 * because a rotated refresh token was presented again. Connections opened with that session's
 * access tokens close; the user's other sessions go on.
 *
 * @param userId    whose session it was
 * @param sessionId the session ({@link AuthenticatedUser#sessionId()})
 * @param reason    {@code logout} or {@code reuse}
 */
public record SignInSessionEnded(UUID userId, UUID sessionId, String reason) implements SignInEnded {

    @Override
    public boolean endsSignInOf(AuthenticatedUser caller) {
        return caller.id().equals(userId) && sessionId.equals(caller.sessionId());
    }
}
