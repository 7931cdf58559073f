package dev.vaporform.collab.session;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.platform.AfterCommit;
import dev.vaporform.projects.CollaboratorAdded;
import dev.vaporform.projects.CollaboratorRemoved;
import dev.vaporform.projects.CollaboratorRoleChanged;
import dev.vaporform.projects.InvitationsChanged;
import dev.vaporform.projects.ProjectRole;

/**
 * Tells open sockets about membership changes, after the change commits. Every events socket
 * of the user concerned, subscribed or not (a project list holds one), gets {@code project.added
 * {role}}, {@code project.changed {role}} or {@code project.removed}; sockets subscribed to the
 * project get {@code members.changed {userId?}}, also when its invitations change. The
 * membership events reach every node, so each node tells its own sockets only; invitation
 * changes are published once and go over the project's channel.
 */
@Component
class MembershipFrames {

    private final EventsSockets sockets;
    private final ProjectRooms rooms;
    private final Clock clock;

    MembershipFrames(EventsSockets sockets, ProjectRooms rooms, Clock clock) {
        this.sockets = sockets;
        this.rooms = rooms;
        this.clock = clock;
    }

    @EventListener
    void on(CollaboratorAdded event) {
        AfterCommit.run(() -> changed("project.added", event.projectId(), event.userId(), event.role()));
    }

    @EventListener
    void on(CollaboratorRoleChanged event) {
        AfterCommit.run(() -> changed("project.changed", event.projectId(), event.userId(), event.role()));
    }

    @EventListener
    void on(CollaboratorRemoved event) {
        AfterCommit.run(() -> changed("project.removed", event.projectId(), event.userId(), null));
    }

    @EventListener
    void on(InvitationsChanged event) {
        AfterCommit.run(() -> rooms.publish(event.projectId(), frame("members.changed", event.projectId()), null));
    }

    private void changed(String type, UUID projectId, UUID userId, ProjectRole role) {
        ObjectNode mine = frame(type, projectId);
        if (role != null) mine.put("role", role.name());
        String text = mine.toString();
        sockets.all().stream().filter(c -> c.user().id().equals(userId)).forEach(c -> c.send(text));
        String members = frame("members.changed", projectId).put("userId", userId.toString()).toString();
        rooms.sockets(projectId).forEach(c -> c.send(members));
    }

    private ObjectNode frame(String type, UUID projectId) {
        return EventFrames.event(type, projectId, clock.instant());
    }
}
