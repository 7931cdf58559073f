package dev.vaporform.auth.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.AfterStartup;

/**
 * argon2id with m=19 MiB, t=2, p=1 (the OWASP/ASVS minimum; Spring's own defaults are below it),
 * behind an id prefix so parameters can be raised later without breaking stored hashes.
 * Checking a password for an unknown email hashes against a dummy so both cases take the same time.
 * Every hash of a request runs in one of this node's {@link HashSlots}.
 */
@Component
class PasswordHasher {

    private final PasswordEncoder encoder;
    private final HashSlots slots;
    // One argon2 run (19 MiB, ~0.2 s of CPU) that start-up can do without.
    private final AfterStartup<String> dummyHash;

    PasswordHasher(HashSlots slots) {
        this.slots = slots;
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = AfterStartup.of("dummy-password-hash", () -> encoder.encode(HexFormat.of().formatHex(random)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareDummyHash() {
        dummyHash.buildInBackground();
    }

    String hash(String password) {
        return slots.run(() -> encoder.encode(password));
    }

    boolean matches(String password, String hash) {
        return slots.run(() -> encoder.matches(password, hash));
    }

    /** Spends the same work as {@link #matches} and answers false. */
    boolean matchesNobody(String password) {
        String dummy = dummyHash.get();
        slots.run(() -> encoder.matches(password, dummy));
        return false;
    }
}
