package dev.vaporform.files.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.FileVersion;

/**
 * The {@code file_versions} table. Version numbers count up per path. "The latest plus one" must
 * never be taken twice, and {@link ProjectLocks}, which callers hold, is one node's: two nodes
 * writing the same file at once both read the same latest and one insert failed on the primary
 * key (a 500 for the user). So each recording first takes a PostgreSQL advisory lock for the
 * project, held until its transaction ends, and reads the latest only once it has it (under READ
 * COMMITTED each statement sees what committed before it began, so the lock must be a statement
 * of its own, before the insert).
 */
@Repository
public class FileVersions {

    private static final String COLUMNS = "path, version, size, sha256, author_id, author_ids, origin, created_at, pruned_at";
    private static final String INSERT = """
            insert into file_versions (project_id, path, version, size, sha256, author_id, author_ids, origin, created_at)
            select ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?::uuid[], ?, ?
              from file_versions where project_id = ? and path = ?
            returning""" + " " + COLUMNS;

    /** A version to record. */
    public record NewVersion(String path, long size, String sha256) {}

    /** The first key of the advisory lock that numbers a project's versions; the second is the project's hash. */
    private static final int NUMBERING_LOCK = 0x76660001;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public FileVersions(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Records the next version of a path. */
    @Transactional
    public FileVersion record(UUID projectId, NewVersion version, UUID authorId, FileOrigin origin) {
        return recordByAuthors(projectId, version, authorId == null ? List.of() : List.of(authorId), origin);
    }

    /**
     * Records the next version of a path written by several people (a live document's edits);
     * the last of {@code authorIds} is its {@code authorId}.
     */
    @Transactional
    public FileVersion recordByAuthors(UUID projectId, NewVersion version, List<UUID> authorIds, FileOrigin origin) {
        lockNumbering(projectId);
        UUID authorId = authorIds.isEmpty() ? null : authorIds.getLast();
        return jdbc.sql(INSERT)
                .params(projectId, version.path(), version.size(), version.sha256(), authorId, array(authorIds), origin.name(),
                        Timestamp.from(clock.instant()), projectId, version.path())
                .query(FileVersions::map).single();
    }

    private void lockNumbering(UUID projectId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(NUMBERING_LOCK, projectId.hashCode()).query(Object.class).single();
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** Records the next version of many paths in one batch (archive import). */
    @Transactional
    public void recordAll(UUID projectId, List<NewVersion> versions, UUID authorId, FileOrigin origin) {
        lockNumbering(projectId);
        String sql = INSERT.substring(0, INSERT.indexOf("returning"));
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate(sql, versions, 500, (ps, v) -> {
            ps.setObject(1, projectId);
            ps.setString(2, v.path());
            ps.setLong(3, v.size());
            ps.setString(4, v.sha256());
            ps.setObject(5, authorId);
            ps.setString(6, authorId == null ? "{}" : "{" + authorId + "}");
            ps.setString(7, origin.name());
            ps.setTimestamp(8, now);
            ps.setObject(9, projectId);
            ps.setString(10, v.path());
        });
    }

    /** @return the path's newest version */
    public Optional<FileVersion> latest(UUID projectId, String path) {
        return jdbc.sql("select " + COLUMNS + " from file_versions where project_id = ? and path = ? order by version desc limit 1")
                .params(projectId, path).query(FileVersions::map).optional();
    }

    /** @return every version of the path, newest first */
    public List<FileVersion> list(UUID projectId, String path) {
        return jdbc.sql("select " + COLUMNS + " from file_versions where project_id = ? and path = ? order by version desc")
                .params(projectId, path).query(FileVersions::map).list();
    }

    /** @return one version of the path */
    public Optional<FileVersion> find(UUID projectId, String path, long version) {
        return jdbc.sql("select " + COLUMNS + " from file_versions where project_id = ? and path = ? and version = ?")
                .params(projectId, path, version).query(FileVersions::map).optional();
    }

    /** @return each path's newest version number */
    public java.util.Map<String, Long> latestNumbers(UUID projectId) {
        java.util.Map<String, Long> latest = new java.util.HashMap<>();
        jdbc.sql("select path, max(version) as version from file_versions where project_id = ? group by path").param(projectId)
                .query((rs, row) -> latest.put(rs.getString("path"), rs.getLong("version"))).list();
        return latest;
    }

    /** Removes every version of the project (idempotent). */
    public void deleteProject(UUID projectId) {
        jdbc.sql("delete from file_versions where project_id = ?").param(projectId).update();
    }

    /** @return how many versions the project has recorded */
    public long count(UUID projectId) {
        return jdbc.sql("select count(*) from file_versions where project_id = ?").param(projectId).query(Long.class).single();
    }

    /** A kept version that may be pruned, with the size of its content. */
    public record Prunable(String path, long version, String sha256, long size) {}

    /** @return bytes of the distinct contents the project's kept (unpruned) versions hold */
    public long keptBytes(UUID projectId) {
        return jdbc.sql("select coalesce(sum(size), 0) from (select distinct sha256, size from file_versions "
                        + "where project_id = ? and pruned_at is null) kept")
                .param(projectId).query(Long.class).single();
    }

    /** @return whether a kept version of the project holds this content (its blob is stored) */
    public boolean keeps(UUID projectId, String sha256) {
        return jdbc.sql("select exists (select 1 from file_versions where project_id = ? and sha256 = ? and pruned_at is null)")
                .params(projectId, sha256).query(Boolean.class).single();
    }

    /**
     * @return kept versions recorded before {@code olderThan}, in the order they may be pruned:
     *         first those beyond each path's newest {@code keepPerPath}, then the rest, oldest first
     */
    public List<Prunable> prunable(UUID projectId, Instant olderThan, int keepPerPath) {
        return jdbc.sql("""
                select path, version, sha256, size from (
                  select path, version, sha256, size, created_at,
                         row_number() over (partition by path order by version desc) as newest
                    from file_versions where project_id = ? and pruned_at is null) kept
                 where created_at < ?
                 order by (newest <= ?), created_at, version""")
                .params(projectId, Timestamp.from(olderThan), keepPerPath)
                .query((rs, row) -> new Prunable(rs.getString("path"), rs.getLong("version"), rs.getString("sha256"), rs.getLong("size")))
                .list();
    }

    /** Marks one version pruned: it stays listed, its content is no longer kept. */
    public void markPruned(UUID projectId, String path, long version) {
        jdbc.sql("update file_versions set pruned_at = ? where project_id = ? and path = ? and version = ?")
                .params(Timestamp.from(clock.instant()), projectId, path, version).update();
    }

    private static FileVersion map(ResultSet rs, int row) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        Timestamp pruned = rs.getTimestamp("pruned_at");
        UUID authorId = rs.getObject("author_id", UUID.class);
        return new FileVersion(rs.getString("path"), rs.getLong("version"), rs.getLong("size"), rs.getString("sha256"),
                authorId, FileOrigin.valueOf(rs.getString("origin")), created, authors(rs.getArray("author_ids"), authorId),
                pruned != null, pruned == null ? null : pruned.toInstant());
    }

    // Versions recorded before authors were listed, or by one caller, list just their author.
    private static List<UUID> authors(java.sql.Array column, UUID authorId) throws SQLException {
        UUID[] ids = column == null ? new UUID[0] : (UUID[]) column.getArray();
        if (ids.length > 0) return List.of(ids);
        return authorId == null ? List.of() : List.of(authorId);
    }
}
