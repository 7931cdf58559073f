package dev.vaporform.platform;

import java.util.Optional;

/**
 * Turns a bearer credential into the caller it stands for. Implemented by the auth module; the
 * platform's security chain calls it for every request carrying {@code Authorization: Bearer}.
 */
public interface BearerAuthenticator {

    /**
     * @param token the credential exactly as sent, never blank
     * @return the caller, or empty when the token is unknown, expired, revoked, malformed, or
     *         belongs to a user who is no longer active; never throws for a bad token
     */
    Optional<AuthenticatedUser> authenticate(String token);
}
