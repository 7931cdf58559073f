package dev.vaporform.collab.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issues connection ids ({@code src}). A reconnecting ShareDB client sends its previous id in
 * {@code hs} so its resent ops are recognised; the id is accepted only from the user it was
 * issued to, so nobody can take over another client's {@code src} and have its ops dropped as
 * duplicates. Ids are stored ({@code collab_clients}) as well as cached, so a client that
 * reconnects after a crash and restart, or to another node, keeps its id.
 */
@Component
class ClientIds {

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, UUID> issued;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CollabProperties properties;

    ClientIds(CollabProperties properties, JdbcClient jdbc, Clock clock) {
        this.issued = Caffeine.newBuilder().expireAfterAccess(properties.clientIdTtl()).maximumSize(1_000_000).build();
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** @return a new random id, remembered as the user's (stored before it is handed out) */
    String issue(UUID userId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        jdbc.sql("insert into collab_clients (src, user_id, issued_at) values (?, ?, ?)")
                .params(id, userId, Timestamp.from(clock.instant())).update();
        issued.put(id, userId);
        return id;
    }

    /** @return whether {@code id} was issued to this user (and not forgotten yet) */
    boolean belongsTo(String id, UUID userId) {
        if (userId.equals(issued.getIfPresent(id))) return true;
        if (id.length() != 32) return false;
        boolean stored = jdbc.sql("select count(*) from collab_clients where src = ? and user_id = ? and issued_at > ?")
                .params(id, userId, Timestamp.from(clock.instant().minus(properties.clientIdTtl())))
                .query(Long.class).single() == 1;
        if (stored) issued.put(id, userId);
        return stored;
    }

    /** Forgets ids older than {@code client-id-ttl}: their clients refetch instead of resending. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "1m")
    void forgetOld() {
        jdbc.sql("delete from collab_clients where issued_at < ?")
                .param(Timestamp.from(clock.instant().minus(properties.clientIdTtl()))).update();
    }
}
