package dev.vaporform.auth.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * Limits failed logins per account and per client address (ASVS 6.3.1). Every attempt takes a
 * token from both buckets before its password is hashed, in one atomic step per bucket (in Redis
 * when configured, so across nodes): parallel guesses cannot all pass a check made before any of
 * them failed. A right password gives its tokens back, so a user who signs in correctly is never
 * slowed; once a limit is reached even the right password is refused until tokens refill, or
 * guessing would simply continue.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final RateLimiter limiter;
    private final RateLimit perAccount;
    private final RateLimit perAddress;

    LoginThrottle(RateLimiter limiter, AuthProperties properties) {
        this.limiter = limiter;
        this.perAccount = new RateLimit("login-account", properties.loginAccountAttempts(), properties.loginWindow());
        this.perAddress = new RateLimit("login-address", properties.loginAddressAttempts(), properties.loginWindow());
    }

    /**
     * Takes one attempt from the account's and the address's allowance.
     *
     * @throws TooManyRequests when either is exhausted (then nothing is taken)
     */
    void acquire(String email, String address) {
        limiter.tryConsume(perAccount, email).ifPresent(wait -> refuse(wait));
        limiter.tryConsume(perAddress, address).ifPresent(wait -> {
            limiter.refund(perAccount, email);
            refuse(wait);
        });
    }

    /** Gives back an attempt that did not fail: the password was right, or was never checked. */
    void release(String email, String address) {
        limiter.refund(perAccount, email);
        limiter.refund(perAddress, address);
    }

    private static void refuse(java.time.Duration wait) {
        log.warn("Login refused by rate limit");
        throw new TooManyRequests("Too many failed sign-in attempts. Try again later.", wait);
    }
}
