package dev.vaporform.auth.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.auth.SignInSessions;
import dev.vaporform.platform.AuthenticatedUser;

/** Answers {@link SignInSessions} from the cached user state, the refresh-token family and the API token. */
@Component
class SignInSessionCheck implements SignInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignInSessionCheck.class);

    private final UserStates userStates;
    private final RefreshTokens refreshTokens;
    private final ApiTokens apiTokens;
    private final Clock clock;

    SignInSessionCheck(UserStates userStates, RefreshTokens refreshTokens, ApiTokens apiTokens, Clock clock) {
        this.userStates = userStates;
        this.refreshTokens = refreshTokens;
        this.apiTokens = apiTokens;
        this.clock = clock;
    }

    @Override
    public boolean isSignedIn(AuthenticatedUser caller) {
        if (userStates.get(caller.id()).filter(UserState::active).isEmpty()) return false;
        if (caller.sessionId() != null && !refreshTokens.isFamilyAlive(caller.sessionId(), clock.instant())) return false;
        return caller.apiTokenId() == null || apiTokens.isValid(caller.apiTokenId());
    }

    @Override
    public Set<AuthenticatedUser> signedOut(Collection<AuthenticatedUser> callers) {
        Map<AuthenticatedUser, Boolean> answers = new HashMap<>();
        try {
            for (AuthenticatedUser caller : callers) answers.computeIfAbsent(caller, this::isSignedIn);
        } catch (RuntimeException e) {
            log.warn("Re-checking socket users failed ({}); trying again next time", e.getMessage());
            return Set.of();
        }
        return answers.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
