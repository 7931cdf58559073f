package dev.vaporform.ai.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vaporform.ai.internal.store.AiSessions;
import dev.vaporform.projects.ProjectDeleted;

/**
 * A deleted project's AI conversations go too. Idempotent. Usage records stay: they count
 * against the user's budget whatever became of the project.
 */
@Component
class AiProjectCleanup {

    private final AiSessions sessions;

    AiProjectCleanup(AiSessions sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(ProjectDeleted event) {
        sessions.deleteProject(event.projectId());
    }
}
