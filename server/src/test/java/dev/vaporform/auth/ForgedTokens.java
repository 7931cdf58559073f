package dev.vaporform.auth;

import java.nio.file.Files;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.vaporform.support.TestHome;

/**
 * Builds access tokens the way an attacker (or a bug) might: validly signed with the server's
 * own key but with bad claims, or signed some other way. The server's key is read from the test
 * data directory, where the server generated it.
 */
final class ForgedTokens {

    private ForgedTokens() {}

    static ECKey serverKey() throws Exception {
        return ECKey.parse(Files.readString(TestHome.path().resolve("keys").resolve("jwt-signing-key.json")));
    }

    /** Claims a genuine token for this user would carry (generation 0 = never logged out). */
    static JWTClaimsSet.Builder genuineClaims(UUID userId) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer("vaporform").audience("vaporform-api").subject(userId.toString())
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date(now)).notBeforeTime(new Date(now))
                .expirationTime(new Date(now + 600_000)).claim("sgen", 0);
    }

    static String signedByServer(JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) throws Exception {
        ECKey key = serverKey();
        var builder = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID());
        header.accept(builder);
        SignedJWT jwt = new SignedJWT(builder.build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static String signedByServer(JWTClaimsSet claims) throws Exception {
        return signedByServer(claims, h -> {});
    }

    static String signedByAttacker(JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        var builder = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"));
        header.accept(builder);
        SignedJWT jwt = new SignedJWT(builder.build(), claims);
        jwt.sign(new ECDSASigner(attacker));
        return jwt.serialize();
    }

    static ECKey attackerKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
    }

    /** {@code alg: none}: the header says unsigned and the signature is empty. */
    static String unsigned(JWTClaimsSet claims) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        return header + "." + b64(claims.toString()) + ".";
    }

    /** HS256 with the server's public key as the HMAC secret: the classic algorithm confusion. */
    static String hmacWithPublicKey(JWTClaimsSet claims) throws Exception {
        byte[] secret = serverKey().toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new MACSigner(secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32)));
        return jwt.serialize();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }
}
