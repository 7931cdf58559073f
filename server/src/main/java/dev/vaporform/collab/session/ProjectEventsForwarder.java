package dev.vaporform.collab.session;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.collab.ProjectActivity;
import dev.vaporform.containers.WorkspaceStatusChanged;
import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileDeleted;
import dev.vaporform.files.FileMoved;
import dev.vaporform.platform.AfterCommit;

/**
 * Turns other modules' events into {@code /ws/events} frames for the project's sockets on every
 * node: {@code file.changed {path, version, origin}}, {@code file.deleted {path, origin, userId?}},
 * {@code file.moved {from, to, origin, userId?}} (userId: who did it through the API), {@code workspace.status {status, detail}} and each
 * {@link ProjectActivity} ({@code ai.edit}, …). Sent after the publishing transaction commits
 * (at once when there is none); a notification, not stored ({@link AfterCommit}, so not in the
 * event publication registry either): a client that reconnects reloads what it shows. Nobody is
 * excluded: a user's other tabs need to hear of their own changes.
 */
@Component
class ProjectEventsForwarder {

    private final ProjectRooms rooms;

    ProjectEventsForwarder(ProjectRooms rooms) {
        this.rooms = rooms;
    }

    @EventListener
    void on(FileChanged event) {
        ObjectNode frame = rooms.event("file.changed", event.projectId()).put("path", event.path()).put("origin", event.origin().name());
        if (event.version() != null) frame.put("version", event.version());
        publish(event.projectId(), frame);
    }

    @EventListener
    void on(FileDeleted event) {
        ObjectNode frame = rooms.event("file.deleted", event.projectId()).put("path", event.path()).put("origin", event.origin().name());
        if (event.authorId() != null) frame.put("userId", event.authorId().toString());
        publish(event.projectId(), frame);
    }

    @EventListener
    void on(FileMoved event) {
        ObjectNode frame = rooms.event("file.moved", event.projectId()).put("from", event.from()).put("to", event.to())
                .put("origin", event.origin().name());
        if (event.authorId() != null) frame.put("userId", event.authorId().toString());
        publish(event.projectId(), frame);
    }

    @EventListener
    void on(WorkspaceStatusChanged event) {
        ObjectNode frame = rooms.event("workspace.status", event.projectId()).put("status", event.status().name());
        if (event.detail() != null) frame.put("detail", event.detail());
        publish(event.projectId(), frame);
    }

    @EventListener
    void on(ProjectActivity event) {
        ObjectNode frame = rooms.event(event.type(), event.projectId());
        if (event.userId() != null) frame.put("userId", event.userId().toString());
        event.data().forEach((name, value) -> frame.set(name, EventFrames.JSON.valueToTree(value)));
        publish(event.projectId(), frame);
    }

    private void publish(UUID projectId, ObjectNode frame) {
        AfterCommit.run(() -> rooms.publish(projectId, frame, null));
    }
}
