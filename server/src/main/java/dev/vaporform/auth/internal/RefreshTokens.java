package dev.vaporform.auth.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_token_families} and {@code refresh_tokens} tables. */
@Repository
class RefreshTokens {

    /** A stored token with the state of its family. */
    record Stored(UUID familyId, UUID userId, Instant expiresAt, Instant rotatedAt, Instant familyRevokedAt) {}

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID createFamily(UUID userId, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into refresh_token_families (id, user_id, created_at) values (?, ?, ?)")
                .params(id, userId, Timestamp.from(now)).update();
        return id;
    }

    void insert(byte[] hash, UUID familyId, Instant now, Instant expiresAt) {
        jdbc.sql("insert into refresh_tokens (token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(hash, familyId, Timestamp.from(now), Timestamp.from(expiresAt)).update();
    }

    Optional<Stored> find(byte[] hash) {
        return jdbc.sql("""
                        select t.family_id, f.user_id, t.expires_at, t.rotated_at, f.revoked_at
                        from refresh_tokens t join refresh_token_families f on f.id = t.family_id
                        where t.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .optional();
    }

    /** @return true when this call rotated the token; false when someone else already had */
    boolean markRotated(byte[] hash, Instant now) {
        return jdbc.sql("update refresh_tokens set rotated_at = ? where token_hash = ? and rotated_at is null")
                .params(Timestamp.from(now), hash).update() == 1;
    }

    void revokeFamily(UUID familyId, String reason, Instant now) {
        jdbc.sql("update refresh_token_families set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), reason, familyId).update();
    }

    void revokeAllOf(UUID userId, UUID except, String reason, Instant now) {
        jdbc.sql("update refresh_token_families set revoked_at = ?, revoked_reason = ? "
                        + "where user_id = ? and revoked_at is null and id is distinct from ?")
                .params(Timestamp.from(now), reason, userId, except).update();
    }

    boolean isFamilyActive(UUID familyId) {
        return jdbc.sql("select count(*) from refresh_token_families where id = ? and revoked_at is null")
                .param(familyId).query(Long.class).single() == 1;
    }

    /** @return whether the family is not revoked and holds a refresh token still within its lifetime */
    boolean isFamilyAlive(UUID familyId, Instant now) {
        return jdbc.sql("""
                        select count(*) from refresh_token_families f
                        where f.id = ? and f.revoked_at is null
                        and exists (select 1 from refresh_tokens t where t.family_id = f.id and t.expires_at > ?)""")
                .params(familyId, Timestamp.from(now)).query(Long.class).single() == 1;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
