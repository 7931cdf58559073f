package dev.vaporform.projects.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vaporform.projects.ProjectRole;

/** The {@code project_invitations} table. Secrets are looked up by their hash only. */
@Repository
class InvitationRows {

    /** A usable invitation found by its secret, locked until the accepting transaction ends. */
    record Claimed(UUID id, UUID projectId, String email, ProjectRole role) {}

    private final JdbcClient jdbc;

    InvitationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID projectId, String email, ProjectRole role, byte[] tokenHash, UUID invitedBy, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into project_invitations (id, project_id, email, role, token_hash, invited_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, projectId, email, role.name(), tokenHash, invitedBy, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** Withdraws the pending invitations of an email, so only the newest link for it works. */
    void deletePending(UUID projectId, String email) {
        jdbc.sql("delete from project_invitations where project_id = ? and email = ? and accepted_at is null")
                .params(projectId, email).update();
    }

    List<Invitation> pending(UUID projectId, Instant now) {
        return jdbc.sql("""
                select id, email, role, invited_by, created_at, expires_at from project_invitations
                where project_id = ? and accepted_at is null and expires_at > ? order by created_at, id""")
                .params(projectId, Timestamp.from(now))
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2), ProjectRole.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** @return whether a pending invitation of the project was deleted */
    boolean deletePending(UUID projectId, UUID id) {
        return jdbc.sql("delete from project_invitations where project_id = ? and id = ? and accepted_at is null")
                .params(projectId, id).update() == 1;
    }

    /** @return the unused, unexpired invitation with this secret's hash */
    Optional<Claimed> find(byte[] tokenHash, Instant now) {
        return select(tokenHash, now, "");
    }

    /** As {@link #find}, locking the row until the transaction ends (take the project's lock first). */
    Optional<Claimed> claim(byte[] tokenHash, Instant now) {
        return select(tokenHash, now, " for update");
    }

    private Optional<Claimed> select(byte[] tokenHash, Instant now, String lock) {
        return jdbc.sql("""
                select id, project_id, email, role from project_invitations
                where token_hash = ? and accepted_at is null and expires_at > ?""" + lock)
                .params(tokenHash, Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        ProjectRole.valueOf(rs.getString(4))))
                .optional();
    }

    void markAccepted(UUID id, UUID userId, Instant now) {
        jdbc.sql("update project_invitations set accepted_at = ?, accepted_by = ? where id = ?")
                .params(Timestamp.from(now), userId, id).update();
    }
}
