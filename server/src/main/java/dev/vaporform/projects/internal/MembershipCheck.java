package dev.vaporform.projects.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectAccessDenied;
import dev.vaporform.projects.ProjectMembership;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/** The implementation of {@link ProjectAccess}: one indexed lookup of the membership row. */
@Component
class MembershipCheck implements ProjectAccess {

    private final ProjectRows rows;

    MembershipCheck(ProjectRows rows) {
        this.rows = rows;
    }

    @Override
    public ProjectMembership require(UUID userId, UUID projectId, ProjectRole minimum) {
        ProjectRole role = rows.roleOf(projectId, userId).orElseThrow(ProjectNotFound::new);
        if (!role.atLeast(minimum)) throw new ProjectAccessDenied(role, minimum);
        return new ProjectMembership(projectId, userId, role);
    }

    @Override
    public Optional<ProjectRole> roleOf(UUID userId, UUID projectId) {
        return rows.roleOf(projectId, userId);
    }
}
