package dev.vaporform.auth.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.auth.SignInSessions;

/** Answers {@link SignInSessions} from the cached user state and the refresh-token family. */
@Component
class SignInSessionCheck implements SignInSessions {

    private final UserStates userStates;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    SignInSessionCheck(UserStates userStates, RefreshTokens refreshTokens, Clock clock) {
        this.userStates = userStates;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    public boolean isSignedIn(UUID userId, UUID sessionId) {
        if (userStates.get(userId).filter(UserState::active).isEmpty()) return false;
        return sessionId == null || refreshTokens.isFamilyAlive(sessionId, clock.instant());
    }
}
