package dev.vaporform.collab.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat history of projects ({@code collab_chat}), read newest first by (time, id). */
@Repository
class ChatLog {

    /** One message as stored. */
    record Message(UUID id, UUID projectId, UUID authorId, String text, Instant at) {}

    private final JdbcClient jdbc;

    ChatLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Message message) {
        jdbc.sql("insert into collab_chat (id, project_id, author_id, text, created_at) values (?, ?, ?, ?, ?)")
                .params(message.id(), message.projectId(), message.authorId(), message.text(), Timestamp.from(message.at()))
                .update();
    }

    /** @return up to {@code limit} messages older than {@code before} (all when null), newest first */
    List<Message> before(UUID projectId, Instant before, UUID beforeId, int limit) {
        String cursor = before == null ? "" : beforeId == null ? " and created_at < ?" : " and (created_at, id) < (?, ?)";
        var statement = jdbc.sql("select id, project_id, author_id, text, created_at from collab_chat where project_id = ?"
                + cursor + " order by created_at desc, id desc limit ?").param(projectId);
        if (before != null) statement = statement.param(Timestamp.from(before));
        if (beforeId != null) statement = statement.param(beforeId);
        return statement.param(limit)
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** @return the time of a message of the project, for paging by message id */
    Optional<Instant> timeOf(UUID projectId, UUID messageId) {
        return jdbc.sql("select created_at from collab_chat where project_id = ? and id = ?").params(projectId, messageId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
