package dev.vaporform.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque bearer secrets: 256 random bits behind a readable prefix ({@code vfr_} refresh,
 * {@code vfp_} personal API token), stored only as their SHA-256. A plain hash is enough at this
 * entropy (ASVS 6.5.2) and allows lookup by hash without timing-sensitive comparisons.
 */
final class OpaqueTokens {

    static final String REFRESH_PREFIX = "vfr_";
    static final String API_PREFIX = "vfp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
