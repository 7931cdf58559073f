package dev.vaporform.collab.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Issues connection ids ({@code src}). A reconnecting ShareDB client sends its previous id in
 * {@code hs} so its resent ops are recognised; the id is accepted only from the user it was
 * issued to, so nobody can take over another client's {@code src} and have its ops dropped as
 * duplicates.
 */
@Component
class ClientIds {

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, UUID> issued;

    ClientIds(CollabProperties properties) {
        this.issued = Caffeine.newBuilder().expireAfterAccess(properties.clientIdTtl()).maximumSize(1_000_000).build();
    }

    /** @return a new random id, remembered as the user's */
    String issue(UUID userId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        issued.put(id, userId);
        return id;
    }

    /** @return whether {@code id} was issued to this user (and not forgotten yet) */
    boolean belongsTo(String id, UUID userId) {
        return userId.equals(issued.getIfPresent(id));
    }
}
