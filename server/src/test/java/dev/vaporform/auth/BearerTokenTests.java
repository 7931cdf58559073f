package dev.vaporform.auth;

import java.util.Date;
import java.util.List;
import java.util.function.Function;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** What the security chain does with every kind of bad bearer credential (cases 6–11). */
class BearerTokenTests extends IntegrationTest {

    private Session alice;

    @BeforeEach
    void signUp() {
        alice = users.register(uniqueEmail("alice"));
    }

    private void assertRejected(String description, java.util.function.Consumer<dev.vaporform.support.Http.Request> auth) {
        var request = http.get("/api/auth/me");
        auth.accept(request);
        var response = request.send();
        assertThat(response.status()).as(description + ": " + response).isEqualTo(401);
        assertThat(response.header("Content-Type")).as(description).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).as(description).startsWith("Bearer");
    }

    @Test
    void genuineAccessTokenWorks() {
        var me = http.get("/api/auth/me").bearer(alice.accessToken()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(alice.email());
    }

    @Test
    void rejectsMalformedAuthorizationHeadersWithout500() {
        assertRejected("empty bearer", r -> r.header("Authorization", "Bearer "));
        assertRejected("basic", r -> r.header("Authorization", "Basic YWxpY2U6cGFzc3dvcmQ="));
        assertRejected("two tokens in one header", r -> r.header("Authorization", "Bearer " + alice.accessToken() + " " + alice.accessToken()));
        assertRejected("two headers", r -> r.bearer(alice.accessToken()).bearer(alice.accessToken()));
        assertRejected("garbage", r -> r.bearer("not-a-token"));
        assertRejected("garbage with dots", r -> r.bearer("a.b.c"));
        assertRejected("10 KB token", r -> r.bearer("x".repeat(10_240)));
        assertRejected("token with inner whitespace", r -> r.bearer("abc def"));
    }

    @Test
    void rejectsHeadersBeyondTheServerLimitAsProblemJsonToo() {
        var response = http.get("/api/auth/me").bearer("x".repeat(40_000)).send();
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Tomcat", "<html");
    }

    @Test
    void rejectsUnsignedToken() {
        assertRejected("alg none", r -> r.bearer(ForgedTokens.unsigned(ForgedTokens.genuineClaims(alice.id()).build())));
    }

    @Test
    void rejectsHmacTokenKeyedWithThePublicKey() throws Exception {
        String token = ForgedTokens.hmacWithPublicKey(ForgedTokens.genuineClaims(alice.id()).build());
        assertRejected("HS256 with public key", r -> r.bearer(token));
    }

    @Test
    void rejectsTokensThatNameTheirOwnKey() throws Exception {
        var claims = ForgedTokens.genuineClaims(alice.id()).build();
        var attacker = ForgedTokens.attackerKey();
        String withJwk = ForgedTokens.signedByAttacker(claims, h -> h.jwk(attacker.toPublicJWK()));
        String withJku = ForgedTokens.signedByAttacker(claims, h -> h.jwkURL(java.net.URI.create("http://127.0.0.1:9/keys.json")));
        String withX5u = ForgedTokens.signedByAttacker(claims, h -> h.x509CertURL(java.net.URI.create("http://127.0.0.1:9/cert.pem")));
        assertRejected("jwk header", r -> r.bearer(withJwk));
        assertRejected("jku header", r -> r.bearer(withJku));
        assertRejected("x5u header", r -> r.bearer(withX5u));
        for (String kid : List.of("../../x", "' or '1'='1", "attacker")) {
            String token = ForgedTokens.signedByAttacker(claims, h -> h.keyID(kid));
            assertRejected("kid " + kid, r -> r.bearer(token));
        }
    }

    @Test
    void rejectsValidlySignedTokensWithBadClaims() throws Exception {
        long now = System.currentTimeMillis();
        List<Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder>> mutations = List.of(
                c -> c.expirationTime(new Date(now - 61_000)).issueTime(new Date(now - 600_000)).notBeforeTime(new Date(now - 600_000)),
                c -> c.notBeforeTime(new Date(now + 120_000)),
                c -> c.issuer("someone-else"),
                c -> c.audience("another-api"),
                c -> c.subject(null),
                c -> c.claim("sgen", null),
                c -> c.subject(java.util.UUID.randomUUID().toString()));
        for (var mutation : mutations) {
            String token = ForgedTokens.signedByServer(mutation.apply(ForgedTokens.genuineClaims(alice.id())).build());
            assertRejected("mutated claims " + token, r -> r.bearer(token));
        }
        // Sanity: the same construction without a mutation is accepted, so the rejections above are about the claims.
        String genuine = ForgedTokens.signedByServer(ForgedTokens.genuineClaims(alice.id()).build());
        assertThat(http.get("/api/auth/me").bearer(genuine).send().status()).isEqualTo(200);
    }

    @Test
    void rejectsTokenWithAFlippedPayloadByte() {
        String[] parts = alice.accessToken().split("\\.");
        byte[] payload = Base64URL.from(parts[1]).decode();
        payload[payload.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
        assertRejected("flipped byte", r -> r.bearer(tampered));
    }

    @Test
    void rejectsATamperedCopyOfATokenJustAccepted() {
        // Verified tokens are remembered: only the exact string may benefit, never a variant of it.
        assertThat(http.get("/api/auth/me").bearer(alice.accessToken()).send().status()).isEqualTo(200);
        String[] parts = alice.accessToken().split("\\.");
        byte[] signature = Base64URL.from(parts[2]).decode();
        signature[signature.length - 1] ^= 0x01;
        assertRejected("signature changed after use", r -> r.bearer(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)));
        assertRejected("payload changed after use", r -> r.bearer(parts[0] + "." + parts[1] + "x." + parts[2]));
        assertThat(http.get("/api/auth/me").bearer(alice.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void rejectsTokenOfAnotherType() throws Exception {
        String idToken = ForgedTokens.signedByServer(ForgedTokens.genuineClaims(alice.id()).build(),
                h -> h.type(com.nimbusds.jose.JOSEObjectType.JWT));
        assertRejected("typ JWT instead of at+jwt", r -> r.bearer(idToken));
        assertRejected("refresh token as access token", r -> r.bearer(alice.refreshToken()));
        var refreshWithAccess = http.post("/api/auth/refresh", java.util.Map.of("refreshToken", alice.accessToken())).send();
        assertThat(refreshWithAccess.status()).isEqualTo(401);
    }
}
