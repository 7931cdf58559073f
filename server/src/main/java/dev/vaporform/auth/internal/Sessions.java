package dev.vaporform.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vaporform.auth.SignInSessionEnded;
import dev.vaporform.auth.UserSessionsEnded;

/**
 * Sign-up, sign-in, refresh-token rotation and sign-out.
 *
 * <p>Refresh tokens rotate on every use. A token presented after it was rotated means a copy
 * exists somewhere: the whole family (this sign-in session) is revoked. Two refreshes racing with
 * the same token (two tabs of one browser) are the one exception: within
 * {@link AuthProperties#refreshReuseGrace()} the loser gets 401 and the family lives on, so
 * exactly one of them holds a valid successor.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final Logger security = LoggerFactory.getLogger("vaporform.security");

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final CredentialLimits limits;
    private final AuthProperties properties;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(Users users, RefreshTokens refreshTokens, AccessTokens accessTokens, PasswordHasher hasher,
             PasswordPolicy policy, LoginThrottle throttle, CredentialLimits limits, AuthProperties properties, TransactionTemplate tx,
             ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.limits = limits;
        this.properties = properties;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an account (the installation's first becomes admin) and signs it in. */
    public IssuedSession register(String email, String password, String name, String clientAddress) {
        limits.registration(clientAddress);
        String normalized = normalize(email);
        policy.check("password", password, normalized);
        String hash = hasher.hash(password);
        try {
            return tx.execute(status -> {
                if (users.findByEmail(normalized).isPresent()) throw new EmailTaken();
                User user = users.insert(UUID.randomUUID(), normalized, name.strip(), hash, clock.instant());
                log.info("Registered user {} as {}", user.id(), user.role());
                return startSession(user);
            });
        } catch (DuplicateKeyException raced) { // the same email registered concurrently
            throw new EmailTaken();
        }
    }

    /** @throws InvalidCredentials for an unknown email or a wrong password, alike */
    public IssuedSession login(String email, String password, String clientAddress) {
        String normalized = normalize(email);
        throttle.acquire(normalized, clientAddress);
        User user = checkedOrRefunded(normalized, password, clientAddress);
        if (user == null) {
            security.info("Failed login from {}", clientAddress);
            throw new InvalidCredentials();
        }
        if (!user.active()) throw new AccountDeactivated();
        return tx.execute(status -> startSession(user));
    }

    /**
     * @return the user whose password this is, or null for a failed attempt, which keeps the
     *         throttle's token; a right password, or one that could not be checked, gives it back
     */
    private User checkedOrRefunded(String normalized, String password, String clientAddress) {
        boolean failed = false;
        try {
            User user = users.findByEmail(normalized).orElse(null);
            boolean ok = user == null ? hasher.matchesNobody(password) : hasher.matches(password, user.passwordHash());
            failed = !ok;
            return ok ? user : null;
        } finally {
            if (!failed) throttle.release(normalized, clientAddress);
        }
    }

    /** Exchanges a refresh token for a new access token and a new refresh token. */
    public IssuedSession refresh(String refreshToken) {
        byte[] hash = OpaqueTokens.hash(refreshToken);
        Instant now = clock.instant();
        var stored = refreshTokens.find(hash).orElseThrow(() -> new InvalidRefreshToken("The refresh token is not valid."));
        if (stored.familyRevokedAt() != null || stored.expiresAt().isBefore(now)) {
            throw new InvalidRefreshToken("The refresh token has expired or was revoked. Sign in again.");
        }
        if (stored.rotatedAt() != null) throw reuse(stored, now);
        IssuedSession issued = tx.execute(status -> {
            if (!refreshTokens.markRotated(hash, now)) return null; // lost a race; handled below
            User user = users.findById(stored.userId()).filter(User::active)
                    .orElseThrow(() -> new InvalidRefreshToken("The account is no longer active."));
            return issue(user, stored.familyId(), now);
        });
        if (issued == null) throw reuse(refreshTokens.find(hash).orElseThrow(), now);
        return issued;
    }

    /** Ends the sign-in session the refresh token belongs to. Unknown tokens are ignored. */
    public void logout(String refreshToken) {
        refreshTokens.find(OpaqueTokens.hash(refreshToken)).ifPresent(t -> endSession(t, "logout", clock.instant()));
    }

    /** Ends every session of the user, including access tokens already issued. */
    public void logoutAll(UUID userId) {
        tx.executeWithoutResult(status -> endSessions(userId, null, "logout-all"));
    }

    /** Changes the password; every other session ends, the caller's own continues after a refresh. */
    public void changePassword(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        limits.passwordChange(userId);
        User user = users.findById(userId).orElseThrow(UserNotFound::new);
        if (!hasher.matches(currentPassword, user.passwordHash())) throw new WrongCurrentPassword();
        policy.check("newPassword", newPassword, user.email());
        String hash = hasher.hash(newPassword);
        tx.executeWithoutResult(status -> {
            users.updatePassword(userId, hash, clock.instant());
            endSessions(userId, currentSession, "password-changed");
        });
        security.info("Password changed for user {}", userId);
    }

    /** Bumps the generation and revokes refresh families (all but {@code keep}); call in a transaction. */
    void endSessions(UUID userId, UUID keep, String reason) {
        users.bumpSessionGeneration(userId);
        refreshTokens.revokeAllOf(userId, keep, reason, clock.instant());
        events.publishEvent(new UserChanged(userId));
        events.publishEvent(new UserSessionsEnded(userId, reason));
    }

    private RuntimeException reuse(RefreshTokens.Stored stored, Instant now) {
        if (stored.rotatedAt() != null && Duration.between(stored.rotatedAt(), now).compareTo(properties.refreshReuseGrace()) <= 0) {
            return new InvalidRefreshToken("This refresh token was just exchanged by another request. Use the newest one.");
        }
        endSession(stored, "reuse", now);
        security.warn("Refresh token reuse detected for user {}: session {} revoked", stored.userId(), stored.familyId());
        return new InvalidRefreshToken("This refresh token was already used. The session has been ended; sign in again.");
    }

    /** Revokes one refresh-token family; the sockets opened with its access tokens close ({@link SignInSessionEnded}). */
    private void endSession(RefreshTokens.Stored token, String reason, Instant now) {
        refreshTokens.revokeFamily(token.familyId(), reason, now);
        events.publishEvent(new SignInSessionEnded(token.userId(), token.familyId(), reason));
    }

    private IssuedSession startSession(User user) {
        Instant now = clock.instant();
        return issue(user, refreshTokens.createFamily(user.id(), now), now);
    }

    private IssuedSession issue(User user, UUID familyId, Instant now) {
        String refresh = OpaqueTokens.generate(OpaqueTokens.REFRESH_PREFIX);
        refreshTokens.insert(OpaqueTokens.hash(refresh), familyId, now, now.plus(properties.refreshTokenTtl()));
        return new IssuedSession(user, accessTokens.issue(user, familyId), refresh, properties.accessTokenTtl().toSeconds());
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
