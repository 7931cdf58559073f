package dev.vaporform.collab.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collab module's tables: documents (version, saved text) and their op log. Commits are
 * conditional on the stored version, so a writer that lost a race (another node committed that
 * version first) fails with {@link CommitConflict} instead of overwriting.
 */
@Repository
class OpLog {

    /** What is stored of a document: its version, the text at {@code textVersion} and the ops after it. */
    record Stored(long version, String text, long textVersion, List<CommittedOp> ops) {}

    /** One op to append; a create also inserts the document row. */
    record Append(DocumentKey key, CommittedOp op) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OpLog(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the stored document with every op from {@code min(textVersion, historyFrom)} on, or empty when never created */
    Optional<Stored> load(DocumentKey key, long historyFrom) {
        return transactions.execute(status -> {
            var row = jdbc.sql("select version, text, text_version from collab_documents where project_id = ? and path = ?")
                    .params(key.projectId(), key.path())
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), List.of()))
                    .optional();
            return row.map(s -> new Stored(s.version(), s.text(), s.textVersion(),
                    ops(key, Math.max(0, Math.min(s.textVersion(), historyFrom)), s.version())));
        });
    }

    /** @return whether the log holds the document (it was opened before, on some node) */
    boolean holds(DocumentKey key) {
        return jdbc.sql("select exists (select 1 from collab_documents where project_id = ? and path = ?)")
                .params(key.projectId(), key.path()).query(Boolean.class).single();
    }

    /** @return the oldest version the log still has an op for, or {@code fallback} when it has none */
    long oldest(DocumentKey key, long fallback) {
        Long oldest = jdbc.sql("select min(version) from collab_ops where project_id = ? and path = ?")
                .params(key.projectId(), key.path()).query(Long.class).single();
        return oldest == null ? fallback : oldest;
    }

    /** @return the stored ops in [from, to), in version order (fewer when the log was compacted) */
    List<CommittedOp> ops(DocumentKey key, long from, long to) {
        return jdbc.sql("""
                select version, src, seq, op, author_id from collab_ops
                where project_id = ? and path = ? and version >= ? and version < ? order by version""")
                .params(key.projectId(), key.path(), from, to)
                .query((rs, n) -> CommittedOp.fromStored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    /**
     * Appends consecutive ops of one or more documents in one transaction.
     *
     * @throws CommitConflict when any document's stored version is not the one its first op expects
     */
    void append(List<Append> appends) {
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            template.batchUpdate("insert into collab_ops (project_id, path, version, src, seq, op, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    appends.stream().map(a -> new Object[]{a.key().projectId(), a.key().path(), a.op().version(), a.op().src(),
                            a.op().seq(), a.op().storedJson(), a.op().authorId(), now}).toList());
            advanceVersions(appends, now);
        });
    }

    private void advanceVersions(List<Append> appends, Timestamp now) {
        List<Object[]> creates = new ArrayList<>();
        List<Object[]> advances = new ArrayList<>();
        for (int i = 0; i < appends.size(); ) {
            Append first = appends.get(i);
            int j = i;
            while (j + 1 < appends.size() && appends.get(j + 1).key().equals(first.key())) j++;
            long from = first.op().version();
            long to = appends.get(j).op().version() + 1;
            if (first.op().isCreate()) {
                creates.add(new Object[]{first.key().projectId(), first.key().path(), first.op().createText(), now});
                from = 1;
            }
            if (to > from) advances.add(new Object[]{to, now, first.key().projectId(), first.key().path(), from});
            i = j + 1;
        }
        if (!creates.isEmpty()) {
            template.batchUpdate("insert into collab_documents (project_id, path, version, text, text_version, updated_at) values (?, ?, 1, ?, 1, ?)", creates);
        }
        int[] counts = template.batchUpdate("update collab_documents set version = ?, updated_at = ? where project_id = ? and path = ? and version = ?", advances);
        for (int count : counts) {
            if (count != 1) throw new CommitConflict();
        }
    }

    /** Saves the text at a version, unless a newer text is already saved. */
    void saveText(DocumentKey key, String text, long version) {
        jdbc.sql("update collab_documents set text = ?, text_version = ? where project_id = ? and path = ? and text_version < ? and version >= ?")
                .params(text, version, key.projectId(), key.path(), version, version).update();
    }

    /** Notes that the file holds the document's text at {@code version} (a write-back finished). */
    void markWritten(DocumentKey key, long version) {
        jdbc.sql("update collab_documents set written_version = ? where project_id = ? and path = ? and written_version < ?")
                .params(version, key.projectId(), key.path(), version).update();
    }

    /** @return the documents whose op log is ahead of their file (a write-back lost to a crash) */
    List<DocumentKey> lagging() {
        return jdbc.sql("select project_id, path from collab_documents where version > written_version")
                .query((rs, n) -> new DocumentKey(rs.getObject(1, java.util.UUID.class), rs.getString(2))).list();
    }

    /** @return whether the file is known to hold the document's latest version */
    boolean writtenBack(DocumentKey key) {
        return jdbc.sql("select count(*) from collab_documents where project_id = ? and path = ? and version > written_version")
                .params(key.projectId(), key.path()).query(Long.class).single() == 0;
    }

    /** Deletes ops before {@code version}: reconnecting clients older than that refetch. */
    void compact(DocumentKey key, long version) {
        jdbc.sql("delete from collab_ops where project_id = ? and path = ? and version < ?")
                .params(key.projectId(), key.path(), version).update();
    }

    /** Forgets a document (its file was deleted or moved away). */
    void delete(DocumentKey key) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from collab_ops where project_id = ? and path = ?").params(key.projectId(), key.path()).update();
            jdbc.sql("delete from collab_documents where project_id = ? and path = ?").params(key.projectId(), key.path()).update();
        });
    }

    /** Forgets every document of a project. */
    void deleteProject(UUID projectId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from collab_ops where project_id = ?").param(projectId).update();
            jdbc.sql("delete from collab_documents where project_id = ?").param(projectId).update();
            jdbc.sql("delete from collab_chat where project_id = ?").param(projectId).update();
        });
    }

    /** Thrown when the stored version moved on under us: another writer committed first. */
    static final class CommitConflict extends RuntimeException {
        CommitConflict() {
            super("the document's stored version changed", null, false, false);
        }
    }
}
