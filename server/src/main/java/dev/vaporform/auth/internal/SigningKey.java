package dev.vaporform.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.PlatformProperties;

/**
 * The EC P-256 key that signs access tokens (ES256). Taken from configuration when set, so that
 * all nodes of an installation share it; otherwise generated once and kept, readable by the
 * owner only, at {@code <home>/keys/jwt-signing-key.json}, which nodes on shared storage share too.
 */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final ECKey key;

    SigningKey(AuthProperties properties, PlatformProperties platform) {
        this.key = properties.jwtSigningKey().isBlank()
                ? loadOrCreate(platform.homeDirectory().resolve("keys").resolve("jwt-signing-key.json"))
                : parse(properties.jwtSigningKey(), "vaporform.auth.jwt-signing-key");
    }

    ECKey privateKey() {
        return key;
    }

    private static ECKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) return parse(Files.readString(file), file.toString());
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
            trySetOwnerOnly(temp);
            Files.writeString(temp, generated.toJSONString());
            // Atomic so two nodes starting together on shared storage end up with one key.
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(temp);
            }
            log.info("Generated a new access-token signing key at {}", file);
            return parse(Files.readString(file), file.toString());
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("Cannot read or create the signing key at " + file + ": " + e.getMessage(), e);
        }
    }

    private static ECKey parse(String json, String source) {
        try {
            ECKey parsed = ECKey.parse(json);
            if (!parsed.isPrivate() || !Curve.P_256.equals(parsed.getCurve())) {
                throw new IllegalStateException(source + " must be a private EC P-256 JWK");
            }
            return parsed;
        } catch (ParseException e) {
            throw new IllegalStateException(source + " is not a valid JWK: " + e.getMessage(), e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict permissions of {}", file);
        }
    }
}
