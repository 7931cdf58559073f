package dev.vaporform.projects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vaporform.platform.PageRequest;
import dev.vaporform.projects.ProjectRole;

/** The {@code projects} and {@code project_members} tables. */
@Repository
class ProjectRows {

    // The earliest-added owner stands as the project's ownerId.
    private static final String SELECT = """
            select p.id, p.name, p.description, p.created_at, p.updated_at, m.role,
                   (select o.user_id from project_members o where o.project_id = p.id and o.role = 'owner'
                    order by o.added_at, o.user_id limit 1) as owner_id
            from projects p join project_members m on m.project_id = p.id and m.user_id = ?
            """;

    private final JdbcClient jdbc;

    private final org.springframework.context.ApplicationEventPublisher events;

    ProjectRows(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void insert(UUID id, String name, String description, Instant now) {
        jdbc.sql("insert into projects (id, name, description, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(id, name, description, Timestamp.from(now), Timestamp.from(now)).update();
    }

    Optional<Project> findForMember(UUID projectId, UUID userId) {
        return jdbc.sql(SELECT + " where p.id = ?").params(userId, projectId).query(ProjectRows::map).optional();
    }

    List<Project> pageForMember(UUID userId, PageRequest page) {
        return jdbc.sql(SELECT + " order by p.updated_at desc, p.id limit ? offset ?")
                .params(userId, page.size(), page.offset()).query(ProjectRows::map).list();
    }

    long countForMember(UUID userId) {
        return jdbc.sql("select count(*) from project_members where user_id = ?").param(userId).query(Long.class).single();
    }

    void update(UUID id, String name, String description, Instant now) {
        jdbc.sql("update projects set name = ?, description = ?, updated_at = ? where id = ?")
                .params(name, description, Timestamp.from(now), id).update();
    }

    /** Sets the project's updated time to {@code now} unless it is {@code notBefore} or later already. */
    void touch(UUID id, Instant now, Instant notBefore) {
        jdbc.sql("update projects set updated_at = ? where id = ? and updated_at < ?")
                .params(Timestamp.from(now), id, Timestamp.from(notBefore)).update();
    }

    /** Locks the project row so concurrent membership changes cannot both remove the last owner. */
    boolean lock(UUID id) {
        return jdbc.sql("select id from projects where id = ? for update").param(id).query(UUID.class).optional().isPresent();
    }

    void delete(UUID id) {
        members(id).forEach(m -> events.publishEvent(new MembershipChanged(id, m.userId())));
        jdbc.sql("delete from projects where id = ?").param(id).update();
    }

    Optional<ProjectRole> roleOf(UUID projectId, UUID userId) {
        return jdbc.sql("select role from project_members where project_id = ? and user_id = ?")
                .params(projectId, userId).query(String.class).optional().map(ProjectRole::valueOf);
    }

    List<Member> members(UUID projectId) {
        return jdbc.sql("select user_id, role, added_at from project_members where project_id = ? order by added_at, user_id")
                .param(projectId)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), ProjectRole.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    long countOwners(UUID projectId) {
        return jdbc.sql("select count(*) from project_members where project_id = ? and role = 'owner'")
                .param(projectId).query(Long.class).single();
    }

    void addMember(UUID projectId, UUID userId, ProjectRole role, Instant now) {
        jdbc.sql("insert into project_members (project_id, user_id, role, added_at) values (?, ?, ?, ?)")
                .params(projectId, userId, role.name(), Timestamp.from(now)).update();
        events.publishEvent(new MembershipChanged(projectId, userId));
        events.publishEvent(new dev.vaporform.projects.CollaboratorAdded(projectId, userId, role));
    }

    void setRole(UUID projectId, UUID userId, ProjectRole role) {
        jdbc.sql("update project_members set role = ? where project_id = ? and user_id = ?")
                .params(role.name(), projectId, userId).update();
        events.publishEvent(new MembershipChanged(projectId, userId));
    }

    void removeMember(UUID projectId, UUID userId) {
        jdbc.sql("delete from project_members where project_id = ? and user_id = ?").params(projectId, userId).update();
        events.publishEvent(new MembershipChanged(projectId, userId));
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("owner_id", UUID.class), ProjectRole.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
