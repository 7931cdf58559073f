package dev.vaporform.ai.internal.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** AI conversations of a project, stored in PostgreSQL. */
@Repository
public class AiSessions {

    /** A session as listed. */
    public record Summary(UUID id, UUID userId, String title, Instant createdAt, Instant updatedAt) {}

    /** One message of a session. {@code edits} is the JSON array of edit outcomes, for an answer. */
    public record Message(int seq, String role, String content, String path, String edits,
                          Long inputTokens, Long outputTokens, Instant createdAt) {}

    /** A completed exchange, stored at once. */
    public record Exchange(UUID sessionId, UUID projectId, UUID userId, String prompt, String path,
                           String answer, String editsJson, long inputTokens, long outputTokens) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AiSessions(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<Summary> find(UUID projectId, UUID sessionId) {
        return jdbc.sql("select id, user_id, title, created_at, updated_at from ai_sessions where project_id = ? and id = ?")
                .params(projectId, sessionId).query(AiSessions::summary).optional();
    }

    public List<Summary> list(UUID projectId, int page, int size) {
        return jdbc.sql("select id, user_id, title, created_at, updated_at from ai_sessions where project_id = ? order by updated_at desc, id limit ? offset ?")
                .params(projectId, size, (long) page * size).query(AiSessions::summary).list();
    }

    public long count(UUID projectId) {
        return jdbc.sql("select count(*) from ai_sessions where project_id = ?").param(projectId).query(Long.class).single();
    }

    public List<Message> messages(UUID sessionId) {
        return jdbc.sql("select seq, role, content, path, edits, input_tokens, output_tokens, created_at from ai_messages where session_id = ? order by seq")
                .param(sessionId)
                .query((rs, n) -> new Message(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Stores the user's message and the answer, creating the session on its first exchange. */
    public void store(Exchange x) {
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("update ai_sessions set updated_at = ? where id = ?").params(now, x.sessionId()).update();
            if (updated == 0) {
                jdbc.sql("insert into ai_sessions (id, project_id, user_id, title, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                        .params(x.sessionId(), x.projectId(), x.userId(), title(x.prompt()), now, now).update();
            }
            int next = jdbc.sql("select coalesce(max(seq), -1) + 1 from ai_messages where session_id = ?")
                    .param(x.sessionId()).query(Integer.class).single();
            jdbc.sql("insert into ai_messages (session_id, seq, role, content, path, created_at) values (?, ?, 'user', ?, ?, ?)")
                    .params(x.sessionId(), next, x.prompt(), x.path(), now).update();
            jdbc.sql("""
                    insert into ai_messages (session_id, seq, role, content, edits, input_tokens, output_tokens, created_at)
                    values (?, ?, 'assistant', ?, ?, ?, ?, ?)""")
                    .params(x.sessionId(), next + 1, x.answer(), x.editsJson(), x.inputTokens(), x.outputTokens(), now).update();
        });
    }

    public void deleteProject(UUID projectId) {
        jdbc.sql("delete from ai_sessions where project_id = ?").param(projectId).update();
    }

    /** The first line of the first prompt, shortened: enough to tell sessions apart in a list. */
    static String title(String prompt) {
        String line = prompt.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 80 ? line : line.substring(0, line.offsetByCodePoints(0, Math.min(77, line.codePointCount(0, line.length())))) + "…";
    }

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }
}
