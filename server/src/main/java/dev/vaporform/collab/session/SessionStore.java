package dev.vaporform.collab.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Live sessions and their participants, shared by every node through the database: a project
 * has one open session while anyone is in it; a participant row says that a user has an events
 * socket on the project on one node. Rows of nodes whose heartbeat stopped are not counted.
 */
@Repository
class SessionStore {

    /** An open session. */
    record LiveSession(UUID id, UUID projectId, Instant startedAt) {}

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the project's open session, opening one if there is none */
    LiveSession open(UUID projectId) {
        jdbc.sql("insert into collab_sessions (id, project_id, started_at) values (?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), projectId, now()).update();
        return current(projectId).orElseThrow();
    }

    Optional<LiveSession> current(UUID projectId) {
        return jdbc.sql("select id, project_id, started_at from collab_sessions where project_id = ? and ended_at is null")
                .param(projectId)
                .query((rs, n) -> new LiveSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** @return whether the user was in the session on no node before */
    boolean join(UUID sessionId, UUID userId, String node) {
        boolean before = isIn(sessionId, userId);
        jdbc.sql("insert into collab_participants (session_id, user_id, node_id, joined_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(sessionId, userId, node, now()).update();
        return !before;
    }

    /** @return whether the user is now in the session on no node */
    boolean leave(UUID sessionId, UUID userId, String node) {
        jdbc.sql("delete from collab_participants where session_id = ? and user_id = ? and node_id = ?").params(sessionId, userId, node).update();
        return !isIn(sessionId, userId);
    }

    /** Ends the session if nobody is left in it. */
    void endIfEmpty(UUID sessionId) {
        jdbc.sql("""
                update collab_sessions set ended_at = ? where id = ? and ended_at is null
                and not exists (select 1 from collab_participants p join collab_nodes n on n.node_id = p.node_id
                                where p.session_id = ? and n.seen_at > ?)""")
                .params(now(), sessionId, sessionId, Timestamp.from(clock.instant().minus(NODE_TIMEOUT))).update();
    }

    /** @return the users in the session on live nodes, earliest first */
    List<UUID> participants(UUID sessionId) {
        return jdbc.sql("""
                select p.user_id from collab_participants p join collab_nodes n on n.node_id = p.node_id
                where p.session_id = ? and n.seen_at > ? group by p.user_id order by min(p.joined_at)""")
                .params(sessionId, Timestamp.from(clock.instant().minus(NODE_TIMEOUT))).query(UUID.class).list();
    }

    private boolean isIn(UUID sessionId, UUID userId) {
        return jdbc.sql("""
                select count(*) from collab_participants p join collab_nodes n on n.node_id = p.node_id
                where p.session_id = ? and p.user_id = ? and n.seen_at > ?""")
                .params(sessionId, userId, Timestamp.from(clock.instant().minus(NODE_TIMEOUT))).query(Long.class).single() > 0;
    }

    /** This node is alive; participants of nodes silent for long are removed and their empty sessions ended. */
    void heartbeat(String node) {
        Timestamp now = now();
        jdbc.sql("insert into collab_nodes (node_id, seen_at) values (?, ?) on conflict (node_id) do update set seen_at = excluded.seen_at")
                .params(node, now).update();
        Timestamp dead = Timestamp.from(clock.instant().minus(NODE_TIMEOUT));
        jdbc.sql("delete from collab_participants where node_id in (select node_id from collab_nodes where seen_at < ?)").param(dead).update();
        jdbc.sql("delete from collab_nodes where seen_at < ?").param(dead).update();
        jdbc.sql("""
                update collab_sessions s set ended_at = ? where ended_at is null
                and not exists (select 1 from collab_participants p where p.session_id = s.id)
                and started_at < ?""").params(now, dead).update();
    }

    /** Forgets the node's participants (it is shutting down). */
    void forgetNode(String node) {
        jdbc.sql("delete from collab_participants where node_id = ?").param(node).update();
        jdbc.sql("delete from collab_nodes where node_id = ?").param(node).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
