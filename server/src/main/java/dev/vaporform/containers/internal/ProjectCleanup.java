package dev.vaporform.containers.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vaporform.projects.ProjectDeleted;

/** A deleted project's workspace container goes too. Idempotent: a redelivery finds nothing left. */
@Component
class ProjectCleanup {

    private final Workspaces workspaces;

    ProjectCleanup(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @ApplicationModuleListener
    void on(ProjectDeleted event) {
        workspaces.forget(event.projectId());
    }
}
