package dev.vaporform.projects;

import java.util.Optional;
import java.util.UUID;

/**
 * The one authorization check for anything inside a project, used by every module and every
 * transport (REST and WebSocket alike), so no module decides access its own way.
 */
public interface ProjectAccess {

    /**
     * @return the caller's membership when it grants at least {@code minimum}
     * @throws ProjectNotFound when the project does not exist or the user is not a member; the
     *                         answer is identical in both cases so existence does not leak
     * @throws ProjectAccessDenied when the user is a member with a lower role
     */
    ProjectMembership require(UUID userId, UUID projectId, ProjectRole minimum);

    /** @return the user's role on the project, or empty when not a member (or no such project) */
    Optional<ProjectRole> roleOf(UUID userId, UUID projectId);
}
