package dev.vaporform.auth.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.auth.ApiTokenDeleted;

/**
 * Personal API tokens: opaque, shown once, stored as SHA-256, with an expiry and a last-used
 * time (written at most once a minute per token, so heavy API use does not write per request).
 */
@Service
public class ApiTokens {

    /** A token just created: metadata plus the secret, which is never shown again. */
    public record Created(ApiToken token, String secret) {}

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuthProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Created create(UUID userId, String name, int expiresInDays) {
        jdbc.sql("select id from users where id = ? for update").param(userId).query(UUID.class).single();
        long held = jdbc.sql("select count(*) from api_tokens where user_id = ? and kind = 'personal'").param(userId).query(Long.class).single();
        if (held >= properties.maxApiTokens()) throw new TooManyApiTokens(properties.maxApiTokens());
        Instant now = clock.instant();
        var token = new ApiToken(UUID.randomUUID(), name.strip(), now, now.plus(Duration.ofDays(expiresInDays)), null);
        String secret = OpaqueTokens.generate(OpaqueTokens.API_PREFIX);
        jdbc.sql("insert into api_tokens (id, user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(token.id(), userId, token.name(), OpaqueTokens.hash(secret), Timestamp.from(now),
                        Timestamp.from(token.expiresAt()))
                .update();
        return new Created(token, secret);
    }

    public List<ApiToken> list(UUID userId) {
        return jdbc.sql("select id, name, created_at, expires_at, last_used_at from api_tokens where user_id = ? and kind = 'personal' "
                        + "order by created_at desc")
                .param(userId)
                .query((rs, n) -> new ApiToken(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Deletes a token; sockets opened with it close ({@link ApiTokenDeleted}).
     *
     * @throws ApiTokenNotFound when the caller has no token with that id
     */
    public void delete(UUID userId, UUID tokenId) {
        int deleted = jdbc.sql("delete from api_tokens where id = ? and user_id = ? and kind = 'personal'").params(tokenId, userId).update();
        if (deleted == 0) throw new ApiTokenNotFound();
        events.publishEvent(new ApiTokenDeleted(userId, tokenId));
    }

    /** @return whether the token (personal or workspace) still exists and has not expired */
    boolean isValid(UUID tokenId) {
        return jdbc.sql("select count(*) from api_tokens where id = ? and expires_at > ?")
                .params(tokenId, Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /** The token, the user it stands for, and for a workspace's credential that workspace's project (null for personal tokens). */
    record Owner(UUID tokenId, UUID userId, UUID workspaceProject) {}

    /** @return the owner of an unexpired token with this secret */
    Optional<Owner> authenticate(String secret) {
        Instant now = clock.instant();
        byte[] hash = OpaqueTokens.hash(secret);
        Optional<Owner> owner = jdbc.sql("select id, user_id, case when kind = 'workspace' then project_id end from api_tokens "
                        + "where token_hash = ? and expires_at > ?")
                .params(hash, Timestamp.from(now))
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional();
        owner.ifPresent(id -> jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ? "
                        + "and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minus(LAST_USED_RESOLUTION))).update());
        return owner;
    }
}
