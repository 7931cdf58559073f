package dev.vaporform.collab.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import dev.vaporform.auth.SignInEnded;
import dev.vaporform.auth.SignInSessions;
import dev.vaporform.projects.CollaboratorRemoved;
import dev.vaporform.projects.CollaboratorRoleChanged;
import dev.vaporform.projects.ProjectDeleted;

/**
 * The open collaboration connections of this node. Permission changes bite at once: a removed
 * member's connections that touch the project get an error frame and close 1008, a changed
 * role is re-checked on the next op, and a connection whose sign-in ended is disconnected. The
 * membership and sign-in events reach every node, so this holds whichever node made the change.
 */
@Component
class Connections {

    private final Map<String, CollabConnection> open = new ConcurrentHashMap<>();
    /** Open connections per user, for the limit without scanning every connection; guarded by this. */
    private final Map<UUID, Integer> perUser = new HashMap<>();
    private final SignInSessions signIns;

    Connections(SignInSessions signIns) {
        this.signIns = signIns;
    }

    /** @return false (and nothing is added) when the user already has {@code max} connections */
    synchronized boolean add(CollabConnection connection, int max) {
        UUID user = connection.user().id();
        int mine = perUser.getOrDefault(user, 0);
        if (mine >= max) return false;
        if (open.putIfAbsent(connection.id(), connection) == null) perUser.put(user, mine + 1);
        return true;
    }

    synchronized void remove(CollabConnection connection) {
        if (open.remove(connection.id()) != null) {
            perUser.computeIfPresent(connection.user().id(), (user, count) -> count == 1 ? null : count - 1);
        }
    }

    List<CollabConnection> all() {
        return List.copyOf(open.values());
    }

    @EventListener
    void on(CollaboratorRemoved event) {
        for (CollabConnection c : open.values()) {
            if (c.user().id().equals(event.userId()) && c.touches(event.projectId())) {
                c.forgetRoles(event.projectId());
                c.refuse(Protocol.policyFrame("project-access-revoked", "You are no longer a member of this project."),
                        CloseStatus.POLICY_VIOLATION.withReason("project-access-revoked"));
            }
        }
    }

    @EventListener
    void on(CollaboratorRoleChanged event) {
        open.values().stream().filter(c -> c.user().id().equals(event.userId())).forEach(c -> c.forgetRoles(event.projectId()));
    }

    @EventListener
    void on(SignInEnded event) {
        for (CollabConnection c : open.values()) {
            if (event.endsSignInOf(c.user())) {
                c.refuse(Protocol.policyFrame("session-ended", "Your sessions ended (" + event.reason() + "); sign in again."),
                        CloseStatus.POLICY_VIOLATION.withReason("session-ended"));
            }
        }
    }

    /** Closes the connections of users no longer signed in, every {@code revalidate-interval}. */
    @Scheduled(fixedDelayString = "${vaporform.collab.revalidate-interval:60s}", initialDelayString = "${vaporform.collab.revalidate-interval:60s}")
    void revalidate() {
        var signedOut = signIns.signedOut(open.values().stream().map(CollabConnection::user).toList());
        for (CollabConnection c : open.values()) {
            if (signedOut.contains(c.user())) {
                c.refuse(Protocol.policyFrame("session-ended", "Your sign-in session ended; sign in again."),
                        CloseStatus.POLICY_VIOLATION.withReason("session-ended"));
            }
        }
    }

    @EventListener
    void on(ProjectDeleted event) {
        for (CollabConnection c : open.values()) {
            if (c.touches(event.projectId())) {
                c.refuse(Protocol.policyFrame("project-not-found", "The project was deleted."),
                        CloseStatus.POLICY_VIOLATION.withReason("project-not-found"));
            }
        }
    }
}
