package dev.vaporform.files.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileDeleted;
import dev.vaporform.files.FileMoved;
import dev.vaporform.platform.AfterCommit;
import dev.vaporform.projects.ProjectUpdates;

/**
 * A change to a project's files, from anyone and anywhere (the API, a live document's
 * write-back, a command in the workspace), is a change to the project: its updated time
 * follows, once the change has committed. A missed one costs only a slightly older time, so this
 * is not a durable listener.
 */
@Component
class ProjectUpdatedOnFileChange {

    private final ProjectUpdates projects;

    ProjectUpdatedOnFileChange(ProjectUpdates projects) {
        this.projects = projects;
    }

    @EventListener
    void on(FileChanged event) {
        AfterCommit.run(() -> projects.contentChanged(event.projectId()));
    }

    @EventListener
    void on(FileDeleted event) {
        AfterCommit.run(() -> projects.contentChanged(event.projectId()));
    }

    @EventListener
    void on(FileMoved event) {
        AfterCommit.run(() -> projects.contentChanged(event.projectId()));
    }
}
