package dev.vaporform.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access JWTs. Verification pins ES256 and our own key (headers such as
 * {@code jku}, {@code jwk}, {@code x5u} are never used to find a key, and {@code kid} is only
 * compared with our key's id), requires {@code typ=at+jwt} so no other token type passes, and
 * checks {@code iss}, {@code aud}, {@code exp}, {@code nbf} with 60 s of clock skew.
 */
@Component
class AccessTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final String GENERATION = "sgen";
    private static final String SESSION = "sid";

    private final AuthProperties properties;
    private final SigningKey key;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    // The ES256 check is most of an authenticated request's CPU, and of a WebSocket connect, while
    // the same token comes back on every request for its 15 minutes. So a verified token — this
    // exact string, nothing derived from it — is remembered until it expires. Revocation is not
    // cached here: callers check the user's state on every request.
    private final Cache<String, Verified> verified;

    private record Verified(Claims claims, Instant expiresAt) {}

    AccessTokens(AuthProperties properties, SigningKey key, Clock clock) {
        this.properties = properties;
        this.key = key;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(20_000)
                .expireAfter(Expiry.creating((String token, Verified v) -> Duration.between(clock.instant(), v.expiresAt())))
                .build();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(key.privateKey().toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(properties.audience(),
                new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
                new HashSet<>(Set.of("sub", "iat", "nbf", "exp", "jti", GENERATION))) {
            @Override
            protected Date currentTime() { // exp and nbf against the clock that issues tokens and expires the cache
                return Date.from(clock.instant());
            }
        });
    }

    /** What a verified access token says. */
    record Claims(UUID userId, int generation, UUID sessionId) {}

    /** @return a signed access token for the user's current session generation */
    String issue(User user, UUID sessionId) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer()).audience(properties.audience())
                .subject(user.id().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .claim(GENERATION, user.sessionGeneration());
        if (sessionId != null) claims.claim(SESSION, sessionId.toString());
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.privateKey().getKeyID()).build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(new ECDSASigner(key.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    /** @return the claims of a valid token, or empty for anything else (never throws on bad input) */
    Optional<Claims> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) return Optional.of(known.claims());
        try {
            JWTClaimsSet claims = processor.process(token, null);
            UUID userId = UUID.fromString(claims.getSubject());
            Long generation = claims.getLongClaim(GENERATION);
            String session = claims.getStringClaim(SESSION);
            if (generation == null) return Optional.empty();
            var result = new Claims(userId, generation.intValue(), session == null ? null : UUID.fromString(session));
            verified.put(token, new Verified(result, claims.getExpirationTime().toInstant()));
            return Optional.of(result);
        } catch (Exception e) { // parse, signature, claim and type failures alike: the token is not ours
            return Optional.empty();
        }
    }
}
