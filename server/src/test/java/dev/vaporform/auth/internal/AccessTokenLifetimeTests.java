package dev.vaporform.auth.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import dev.vaporform.platform.PlatformProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access token lives as long as the application's clock says, in every check that reads time:
 * issuing, the signature-and-claims verification and the cache of verified tokens. (The JWT
 * library's own checks read the system time unless told otherwise, which would let a token the
 * application's clock has expired pass on a node whose clock lags, or the other way round.)
 */
class AccessTokenLifetimeTests {

    private static final Instant ISSUED = Instant.parse("2030-01-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(ISSUED);
    private final AccessTokens tokens = accessTokens(clock);
    private final User user = new User(UUID.randomUUID(), "ada@example.com", "Ada", "hash", User.Role.user, true, 0, ISSUED);

    @Test
    void aTokenIsAcceptedUntilItExpiresByTheApplicationsClock() {
        String token = tokens.issue(user, null);
        assertThat(tokens.verify(token)).as("just issued").isPresent();

        clock.set(ISSUED.plus(Duration.ofMinutes(14)));
        assertThat(tokens.verify(token)).as("within its 15 minutes").isPresent();

        clock.set(ISSUED.plus(Duration.ofMinutes(17))); // past the 15 minutes and the 60 s of skew
        assertThat(tokens.verify(token)).as("expired, though the system's clock is years before it").isEmpty();
    }

    @Test
    void aTokenIsNotAcceptedBeforeItsNotBeforeTime() {
        String token = tokens.issue(user, null);
        clock.set(ISSUED.minus(Duration.ofMinutes(5)));
        assertThat(tokens.verify(token)).as("issued in the future of this clock, beyond the skew").isEmpty();
    }

    private static AccessTokens accessTokens(Clock clock) {
        try {
            String jwk = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyID("test").generate().toJSONString();
            var properties = new AuthProperties("vaporform", "vaporform-api", Duration.ofMinutes(15), Duration.ofDays(30),
                    Duration.ofSeconds(5), jwk, 30, 10, 50, Duration.ofMinutes(15), 50,
                    0, Duration.ofSeconds(2), 20, Duration.ofHours(1), 5, Duration.ofMinutes(15));
            var platform = new PlatformProperties(Path.of("target", "unused-home"), "http://localhost:8080", List.of());
            return new AccessTokens(properties, new SigningKey(properties, platform), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) { this.now = now; }

        void set(Instant instant) { now = instant; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
