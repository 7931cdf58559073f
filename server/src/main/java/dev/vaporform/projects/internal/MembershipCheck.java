package dev.vaporform.projects.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.vaporform.platform.SharedCache;
import dev.vaporform.platform.SharedCaches;

import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectAccessDenied;
import dev.vaporform.projects.ProjectMembership;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/**
 * The implementation of {@link ProjectAccess}: the membership row, through a cache shared by the
 * nodes (every API request under a project asks). A role given, changed or taken away
 * invalidates the entry on every node once it commits, so it takes effect everywhere within a
 * second; the expiry is a safety net.
 */
@Component
class MembershipCheck implements ProjectAccess {

    private final ProjectRows rows;
    private final SharedCache<ProjectRole> roles;

    MembershipCheck(ProjectRows rows, SharedCaches caches) {
        this.rows = rows;
        this.roles = caches.create("project-role", ProjectRole.class, Duration.ofMinutes(1));
    }

    @Override
    public ProjectMembership require(UUID userId, UUID projectId, ProjectRole minimum) {
        ProjectRole role = roleOf(userId, projectId).orElseThrow(ProjectNotFound::new);
        if (!role.atLeast(minimum)) throw new ProjectAccessDenied(role, minimum);
        return new ProjectMembership(projectId, userId, role);
    }

    @Override
    public Optional<ProjectRole> roleOf(UUID userId, UUID projectId) {
        return roles.get(key(projectId, userId), k -> rows.roleOf(projectId, userId));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MembershipChanged change) {
        roles.invalidate(key(change.projectId(), change.userId()));
    }

    private static String key(UUID projectId, UUID userId) {
        return projectId + ":" + userId;
    }
}
