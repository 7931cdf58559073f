package dev.vaporform.auth;

import java.util.UUID;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * A user deleted one of their personal API tokens: connections opened with it (directly, or
 * with a realtime ticket taken with it) close.
 *
 * @param userId  the token's owner
 * @param tokenId the token ({@link AuthenticatedUser#apiTokenId()})
 */
public record ApiTokenDeleted(UUID userId, UUID tokenId) implements SignInEnded {

    @Override
    public String reason() {
        return "api-token-deleted";
    }

    @Override
    public boolean endsSignInOf(AuthenticatedUser caller) {
        return tokenId.equals(caller.apiTokenId());
    }
}
