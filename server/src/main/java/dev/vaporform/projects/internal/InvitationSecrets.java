package dev.vaporform.projects.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in an invitation link: 256 random bits, stored only as their SHA-256. A plain hash
 * is enough at this entropy and lets the accepting request find the row by hash.
 */
final class InvitationSecrets {

    private static final String PREFIX = "vfi_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
