package dev.vaporform.auth.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.BearerAuthenticator;

/**
 * Who a bearer token stands for: a personal API token ({@code vfp_…}), a workspace's credential
 * (also {@code vfp_…}: the workspace of its project, acting for the user who started it) or an
 * access JWT. In every case the user must still be active, and a JWT must carry the user's
 * current session generation (older ones died with a logout-all, password change or deactivation).
 */
@Component
class TokenAuthenticator implements BearerAuthenticator {

    private final AccessTokens accessTokens;
    private final ApiTokens apiTokens;
    private final UserStates userStates;

    TokenAuthenticator(AccessTokens accessTokens, ApiTokens apiTokens, UserStates userStates) {
        this.accessTokens = accessTokens;
        this.apiTokens = apiTokens;
        this.userStates = userStates;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String token) {
        if (token.startsWith(OpaqueTokens.API_PREFIX)) {
            return apiTokens.authenticate(token).flatMap(owner -> userStates.get(owner.userId()).filter(UserState::active)
                    .map(user -> owner.workspaceProject() == null
                            ? AuthenticatedUser.person(user.id(), user.email(), user.isAdmin(), null, owner.tokenId())
                            : AuthenticatedUser.forWorkspace(owner.workspaceProject(), user.id(), user.email(), owner.tokenId())));
        }
        if (token.chars().filter(c -> c == '.').count() != 2) return Optional.empty();
        return accessTokens.verify(token).flatMap(claims -> userStates.get(claims.userId())
                .filter(UserState::active)
                .filter(user -> user.sessionGeneration() == claims.generation())
                .map(user -> AuthenticatedUser.person(user.id(), user.email(), user.isAdmin(), claims.sessionId(), null)));
    }
}
