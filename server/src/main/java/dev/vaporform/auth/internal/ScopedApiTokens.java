package dev.vaporform.auth.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.auth.WorkspaceTokens;

/**
 * Workspace tokens as rows of {@code api_tokens} with {@code kind = 'workspace'}: suspended by
 * moving their expiry to now, resumed by moving it far ahead — the secret in the container's
 * environment stays the same across stop and start.
 */
@Service
class ScopedApiTokens implements WorkspaceTokens {

    private static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final Clock clock;

    ScopedApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String issue(UUID userId, UUID projectId) {
        revoke(projectId);
        String secret = OpaqueTokens.generate(OpaqueTokens.API_PREFIX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("insert into api_tokens (id, user_id, name, token_hash, created_at, expires_at, kind, project_id) "
                        + "values (?, ?, 'workspace', ?, ?, ?, 'workspace', ?)")
                .params(UUID.randomUUID(), userId, OpaqueTokens.hash(secret), Timestamp.from(now), Timestamp.from(now), projectId)
                .update();
        return secret;
    }

    @Override
    public void resume(UUID projectId) {
        setExpiry(projectId, FOREVER);
    }

    @Override
    public void suspend(UUID projectId) {
        setExpiry(projectId, clock.instant());
    }

    @Override
    public void revoke(UUID projectId) {
        jdbc.sql("delete from api_tokens where kind = 'workspace' and project_id = ?").param(projectId).update();
    }

    private void setExpiry(UUID projectId, Instant expiry) {
        jdbc.sql("update api_tokens set expires_at = ? where kind = 'workspace' and project_id = ?")
                .params(Timestamp.from(expiry), projectId).update();
    }
}
