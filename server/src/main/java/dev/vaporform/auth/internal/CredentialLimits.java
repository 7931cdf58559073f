package dev.vaporform.auth.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * Limits the other requests that make the node hash passwords: registrations per client address
 * and password changes per account. Every attempt counts, taken before any hashing, since each
 * costs the hashes whatever its outcome (a taken email, a wrong current password).
 */
@Component
class CredentialLimits {

    private final RateLimiter limiter;
    private final RateLimit registrations;
    private final RateLimit passwordChanges;

    CredentialLimits(RateLimiter limiter, AuthProperties properties) {
        this.limiter = limiter;
        this.registrations = new RateLimit("register-address", properties.registerAddressAttempts(), properties.registerWindow());
        this.passwordChanges = new RateLimit("password-change", properties.passwordChangeAttempts(), properties.passwordChangeWindow());
    }

    /** @throws TooManyRequests when the address has registered too often */
    void registration(String clientAddress) {
        limiter.tryConsume(registrations, clientAddress).ifPresent(wait -> {
            throw new TooManyRequests("Too many sign-ups from your address. Try again later.", wait);
        });
    }

    /** @throws TooManyRequests when the account has tried to change its password too often */
    void passwordChange(UUID userId) {
        limiter.tryConsume(passwordChanges, userId.toString()).ifPresent(wait -> {
            throw new TooManyRequests("Too many password changes. Try again later.", wait);
        });
    }
}
