package dev.vaporform.auth.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vaporform.platform.PageRequest;

/** The {@code users} table. */
@Repository
public class Users {

    private static final String COLUMNS =
            "id, email, name, password_hash, role, active, session_generation, created_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(Users::map).optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = ?").param(email).query(Users::map).optional();
    }

    public List<User> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from users where id = any(?)")
                .param(ids.toArray(UUID[]::new)).query(Users::map).list();
    }

    public List<User> page(PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from users order by created_at, id limit ? offset ?")
                .param(page.size()).param(page.offset()).query(Users::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    long countActiveAdmins() {
        return jdbc.sql("select count(*) from users where role = 'admin' and active").query(Long.class).single();
    }

    /**
     * Inserts a user, making them admin when they are the first; serialised by an advisory lock
     * so two simultaneous first sign-ups cannot both become admin.
     */
    User insert(UUID id, String email, String name, String passwordHash, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(7466372)").query(Object.class).single();
        String role = count() == 0 ? "admin" : "user";
        jdbc.sql("insert into users (id, email, name, password_hash, role, active, session_generation, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, true, 0, ?, ?)")
                .params(id, email, name, passwordHash, role, ts(now), ts(now)).update();
        return findById(id).orElseThrow();
    }

    void updatePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("update users set password_hash = ?, updated_at = ? where id = ?").params(passwordHash, ts(now), id).update();
    }

    void updateRoleAndActive(UUID id, User.Role role, boolean active, Instant now) {
        jdbc.sql("update users set role = ?, active = ?, updated_at = ? where id = ?")
                .params(role.name(), active, ts(now), id).update();
    }

    /** Ends every session of the user: tokens carrying an older generation stop working. */
    void bumpSessionGeneration(UUID id) {
        jdbc.sql("update users set session_generation = session_generation + 1 where id = ?").param(id).update();
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), User.Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                rs.getInt("session_generation"), rs.getTimestamp("created_at").toInstant());
    }
}
