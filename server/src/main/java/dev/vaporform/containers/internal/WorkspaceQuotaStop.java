package dev.vaporform.containers.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.files.ProjectOverQuota;

/**
 * A workspace writes to the project directory directly, past the API's quota checks; the files
 * module measures what it wrote and announces a project over its quota. Its running workspace is
 * then stopped, with the reason as the workspace's detail and in its log, so nothing inside can
 * go on filling the disk. Starting it again is allowed (to clean up); the next change over the
 * quota stops it again.
 */
@Component
class WorkspaceQuotaStop {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceQuotaStop.class);

    private final Workspaces workspaces;
    private final WorkspaceLogBook logBook;

    WorkspaceQuotaStop(Workspaces workspaces, WorkspaceLogBook logBook) {
        this.workspaces = workspaces;
        this.logBook = logBook;
    }

    @ApplicationModuleListener
    void on(ProjectOverQuota event) {
        Workspace workspace = workspaces.status(event.projectId());
        if (workspace.status() != WorkspaceStatus.running && workspace.status() != WorkspaceStatus.starting) return;
        String why = event.describe() + ": the workspace was stopped. Delete files to get under the limit, then start it again.";
        log.warn("Stopping the workspace of project {}: {}", event.projectId(), why);
        logBook.append(event.projectId(), "[vaporform] " + why);
        workspaces.stop(event.projectId(), why);
    }
}
