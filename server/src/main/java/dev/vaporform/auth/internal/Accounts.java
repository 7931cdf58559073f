package dev.vaporform.auth.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.auth.UserDirectory;
import dev.vaporform.auth.UserSummary;
import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;

/** Administration of accounts, and the read-only user directory other modules use. */
@Service
public class Accounts implements UserDirectory {

    private final Users users;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(Users users, Sessions sessions, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    public User get(UUID id) {
        return users.findById(id).orElseThrow(UserNotFound::new);
    }

    public Page<User> list(PageRequest page) {
        return new Page<>(users.page(page), page.page(), page.size(), users.count());
    }

    /**
     * Changes a user's role or active flag. Deactivation and demotion end the user's sessions at
     * once; the installation always keeps one active admin.
     */
    @Transactional
    public User update(UUID id, Boolean active, User.Role role) {
        User user = users.findById(id).orElseThrow(UserNotFound::new);
        boolean newActive = active == null ? user.active() : active;
        User.Role newRole = role == null ? user.role() : role;
        boolean losesAdmin = user.isAdmin() && user.active() && (newRole != User.Role.admin || !newActive);
        if (losesAdmin && users.countActiveAdmins() <= 1) throw new LastAdmin();
        users.updateRoleAndActive(id, newRole, newActive, clock.instant());
        // The role is read from the user cache on every request, so a role change needs no token
        // revocation; deactivation ends sessions so that reactivating does not revive old tokens.
        if (user.active() && !newActive) sessions.endSessions(id, null, "deactivated");
        events.publishEvent(new UserChanged(id));
        return users.findById(id).orElseThrow();
    }

    @Override
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(Sessions.normalize(email)).map(Accounts::summary);
    }

    @Override
    public List<UserSummary> findAll(java.util.Collection<UUID> ids) {
        return users.findAll(ids).stream().map(Accounts::summary).toList();
    }

    private static UserSummary summary(User user) {
        return new UserSummary(user.id(), user.email(), user.name(), user.active());
    }
}
