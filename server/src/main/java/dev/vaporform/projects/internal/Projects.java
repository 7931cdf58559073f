package dev.vaporform.projects.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectDeleted;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/** Creating, listing, renaming and deleting projects, each through the access check. */
@Service
public class Projects {

    private final ProjectRows rows;
    private final ProjectAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(ProjectRows rows, ProjectAccess access, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a project with the caller as its owner. */
    @Transactional
    public Project create(UUID userId, String name, String description) {
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        rows.insert(id, name.strip(), description == null ? "" : description.strip(), now);
        rows.addMember(id, userId, ProjectRole.owner, now);
        return rows.findForMember(id, userId).orElseThrow();
    }

    /** @return the projects the user is a member of, most recently changed first */
    public Page<Project> list(UUID userId, PageRequest page) {
        return new Page<>(rows.pageForMember(userId, page), page.page(), page.size(), rows.countForMember(userId));
    }

    /** @throws ProjectNotFound unless the user is a member */
    public Project get(UUID userId, UUID projectId) {
        access.require(userId, projectId, ProjectRole.viewer);
        return rows.findForMember(projectId, userId).orElseThrow(ProjectNotFound::new);
    }

    /** Renames or re-describes; null leaves a field as it is. Owners only. */
    @Transactional
    public Project update(UUID userId, UUID projectId, String name, String description) {
        Project current = get(userId, projectId);
        access.require(userId, projectId, ProjectRole.owner);
        rows.update(projectId, name == null ? current.name() : name.strip(),
                description == null ? current.description() : description.strip(), clock.instant());
        return rows.findForMember(projectId, userId).orElseThrow();
    }

    /** Deletes the project; other modules clean up their parts on {@link ProjectDeleted}. Owners only. */
    @Transactional
    public void delete(UUID userId, UUID projectId) {
        access.require(userId, projectId, ProjectRole.owner);
        rows.delete(projectId);
        events.publishEvent(new ProjectDeleted(projectId));
    }
}
