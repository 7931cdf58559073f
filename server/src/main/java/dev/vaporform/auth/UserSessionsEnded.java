package dev.vaporform.auth;

import java.util.UUID;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * Every session of a user ended at once (logout-all, password change, deactivation): tokens
 * issued before now no longer work. Every live connection of the user closes, whatever token it
 * was opened with.
 *
 * @param userId whose sessions ended
 * @param reason {@code logout-all}, {@code password-changed} or {@code deactivated}
 */
public record UserSessionsEnded(UUID userId, String reason) implements SignInEnded {

    @Override
    public boolean endsSignInOf(AuthenticatedUser caller) {
        return caller.id().equals(userId);
    }
}
