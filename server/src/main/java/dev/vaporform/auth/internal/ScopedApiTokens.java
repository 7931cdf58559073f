package dev.vaporform.auth.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.vaporform.auth.WorkspaceTokens;

/**
 * Workspace credentials as rows of {@code api_tokens} with {@code kind = 'workspace'}: the same
 * hashing and lookup as personal tokens, a short expiry, and deleted (never suspended) when they
 * must stop working. They are not personal tokens: the token list, its limit and its delete route
 * never see them.
 */
@Service
class ScopedApiTokens implements WorkspaceTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    ScopedApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String issue(UUID projectId, UUID startedBy, Duration lifetime) {
        String secret = OpaqueTokens.generate(OpaqueTokens.API_PREFIX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("insert into api_tokens (id, user_id, name, token_hash, created_at, expires_at, kind, project_id) "
                        + "values (?, ?, 'workspace', ?, ?, ?, 'workspace', ?)")
                .params(UUID.randomUUID(), startedBy, OpaqueTokens.hash(secret), Timestamp.from(now), Timestamp.from(now.plus(lifetime)),
                        projectId)
                .update();
        return secret;
    }

    @Override
    public void revoke(UUID projectId) {
        jdbc.sql("delete from api_tokens where kind = 'workspace' and project_id = ?").param(projectId).update();
    }

    @Override
    public Optional<Instant> newestIssuedAt(UUID projectId) {
        return jdbc.sql("select created_at from api_tokens where kind = 'workspace' and project_id = ? and expires_at > ? "
                        + "order by created_at desc limit 1")
                .params(projectId, Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    @Override
    public void deleteExpired() {
        jdbc.sql("delete from api_tokens where kind = 'workspace' and expires_at <= ?").param(Timestamp.from(clock.instant())).update();
    }
}
