package dev.vaporform.collab.internal;

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

/**
 * Case 46: a socket outlives the access token it was opened with (browsers refresh tokens
 * silently), but not the sign-in behind it. Every {@code revalidate-interval} each socket
 * registry asks this which of its users are no longer signed in (logged out, session expired,
 * deactivated) and closes their sockets with 1008 {@code session-ended}. Each (user, session) is
 * asked once per sweep; a failing check (database down) closes nothing.
 */
@Component
public class SignInCheck {

    private static final Logger log = LoggerFactory.getLogger(SignInCheck.class);

    private final SignInSessions sessions;

    SignInCheck(SignInSessions sessions) {
        this.sessions = sessions;
    }

    /** @return the callers among {@code users} who are no longer signed in */
    public Set<AuthenticatedUser> signedOut(Collection<AuthenticatedUser> users) {
        Map<AuthenticatedUser, Boolean> answers = new HashMap<>();
        try {
            for (AuthenticatedUser user : users) answers.computeIfAbsent(user, u -> sessions.isSignedIn(u.id(), u.sessionId()));
        } catch (RuntimeException e) {
            log.warn("Re-checking socket users failed ({}); trying again next time", e.getMessage());
            return Set.of();
        }
        return answers.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
