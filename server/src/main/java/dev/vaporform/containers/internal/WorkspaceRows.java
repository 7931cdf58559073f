package dev.vaporform.containers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vaporform.containers.WorkspaceStatus;

/** The {@code workspaces} table. */
@Repository
class WorkspaceRows {

    private final JdbcClient jdbc;

    WorkspaceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Workspace> find(UUID projectId) {
        return jdbc.sql("select * from workspaces where project_id = ?").param(projectId).query(WorkspaceRows::map).optional();
    }

    /** Creates the row if missing and locks it for this transaction: one start at a time per project, across nodes. */
    Workspace lock(UUID projectId, Instant now) {
        jdbc.sql("insert into workspaces (project_id, status, updated_at) values (?, 'none', ?) on conflict do nothing")
                .params(projectId, Timestamp.from(now)).update();
        return jdbc.sql("select * from workspaces where project_id = ? for update").param(projectId).query(WorkspaceRows::map).single();
    }

    /** Locks an existing row for this transaction, so its status cannot change until it ends. */
    Optional<Workspace> lockExisting(UUID projectId) {
        return jdbc.sql("select * from workspaces where project_id = ? for update").param(projectId).query(WorkspaceRows::map).optional();
    }

    void setStatus(UUID projectId, WorkspaceStatus status, String detail, Instant now) {
        jdbc.sql("update workspaces set status = ?, detail = ?, updated_at = ? where project_id = ?")
                .params(status.name(), detail, Timestamp.from(now), projectId).update();
    }

    /**
     * Sets the status only if the row still shows the status and container the caller saw, so an
     * observer acting on a Docker event never overwrites a change made meanwhile (a removal).
     *
     * @return whether the row was changed
     */
    boolean setStatusIfStill(Workspace seen, WorkspaceStatus status, String detail, Instant now) {
        return jdbc.sql("update workspaces set status = ?, detail = ?, updated_at = ? "
                        + "where project_id = ? and status = ? and container_id = ?")
                .params(status.name(), detail, Timestamp.from(now), seen.projectId(), seen.status().name(), seen.containerId())
                .update() == 1;
    }

    /** Forgets the container only if the row still names it; @return whether the row was changed. */
    boolean clearContainerIfStill(Workspace seen, String detail, Instant now) {
        return jdbc.sql("update workspaces set status = 'none', detail = ?, container_id = null, started_at = null, "
                        + "created_once = false, updated_at = ? where project_id = ? and container_id = ?")
                .params(detail, Timestamp.from(now), seen.projectId(), seen.containerId()).update() == 1;
    }

    void setContainer(UUID projectId, String containerId, String image, DevContainer config, boolean createdOnce, Instant now) {
        jdbc.sql("""
                        update workspaces set container_id = ?, image = ?, refused_keys = ?, forward_ports = ?,
                               container_user = ?, workspace_folder = ?, created_once = ?, updated_at = ?
                        where project_id = ?""")
                .params(containerId, image, String.join(",", config.refusedKeys()), String.join(",", config.forwardPorts()),
                        config.commandUser(), config.workspaceFolder(), createdOnce, Timestamp.from(now), projectId)
                .update();
    }

    void markCreatedOnce(UUID projectId) {
        jdbc.sql("update workspaces set created_once = true where project_id = ?").param(projectId).update();
    }

    void markStarted(UUID projectId, UUID userId, Instant now) {
        jdbc.sql("update workspaces set status = 'running', detail = null, started_by = ?, started_at = ?, last_activity_at = ?, "
                        + "updated_at = ? where project_id = ?")
                .params(userId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), projectId).update();
    }

    void clearContainer(UUID projectId, WorkspaceStatus status, Instant now) {
        jdbc.sql("update workspaces set status = ?, container_id = null, started_at = null, created_once = false, updated_at = ? "
                        + "where project_id = ?")
                .params(status.name(), Timestamp.from(now), projectId).update();
    }

    void touch(UUID projectId, Instant now) {
        jdbc.sql("update workspaces set last_activity_at = ? where project_id = ? and status = 'running'")
                .params(Timestamp.from(now), projectId).update();
    }

    long countRunningStartedBy(UUID userId) {
        return jdbc.sql("select count(*) from workspaces where started_by = ? and status in ('running', 'starting', 'creating')")
                .param(userId).query(Long.class).single();
    }

    List<Workspace> live() {
        return jdbc.sql("select * from workspaces where status in ('running', 'starting', 'creating', 'stopping')")
                .query(WorkspaceRows::map).list();
    }

    List<Workspace> running() {
        return jdbc.sql("select * from workspaces where status = 'running'").query(WorkspaceRows::map).list();
    }

    List<Workspace> idleSince(Instant cutoff) {
        return jdbc.sql("select * from workspaces where status = 'running' and last_activity_at < ?")
                .param(Timestamp.from(cutoff)).query(WorkspaceRows::map).list();
    }

    Optional<Workspace> findByContainer(String containerId) {
        return jdbc.sql("select * from workspaces where container_id = ?").param(containerId).query(WorkspaceRows::map).optional();
    }

    void delete(UUID projectId) {
        jdbc.sql("delete from workspaces where project_id = ?").param(projectId).update();
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getObject("project_id", UUID.class), WorkspaceStatus.valueOf(rs.getString("status")),
                rs.getString("container_id"), rs.getString("image"), rs.getObject("started_by", UUID.class),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("last_activity_at")), rs.getString("detail"),
                list(rs.getString("refused_keys")), list(rs.getString("forward_ports")), rs.getString("container_user"),
                rs.getString("workspace_folder") == null ? DevContainer.WORKSPACE : rs.getString("workspace_folder"),
                rs.getBoolean("created_once"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
