package dev.vaporform.auth.internal;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * Limits failed logins per account and per client address (ASVS 6.3.1). Only failures count, so
 * a user who signs in correctly is never slowed; once a limit is reached even the right password
 * is refused until the window has passed, or guessing would simply continue.
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

    /** @throws TooManyRequests when either limit is already exhausted */
    void checkAllowed(String email, String address) {
        Optional<Duration> wait = limiter.probe(perAccount, email).or(() -> limiter.probe(perAddress, address));
        if (wait.isPresent()) {
            log.warn("Login refused by rate limit");
            throw new TooManyRequests("Too many failed sign-in attempts. Try again later.", wait.get());
        }
    }

    void recordFailure(String email, String address) {
        limiter.tryConsume(perAccount, email);
        limiter.tryConsume(perAddress, address);
    }
}
