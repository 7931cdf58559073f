package dev.vaporform.collab.session;

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
import dev.vaporform.projects.ProjectDeleted;

/**
 * The open events sockets of this node. Access changes bite at once: a removed member's sockets
 * subscribed to the project, every socket whose sign-in ended, and every socket on a deleted
 * project get an error frame and close 1008. The membership and sign-in events reach every node,
 * so this holds whichever node made the change.
 */
@Component
class EventsSockets {

    private final Map<String, EventsConnection> open = new ConcurrentHashMap<>();
    private final SignInSessions signIns;

    EventsSockets(SignInSessions signIns) {
        this.signIns = signIns;
    }

    /** @return false (and nothing is added) when the user already has {@code max} sockets */
    synchronized boolean add(EventsConnection socket, int max) {
        long mine = open.values().stream().filter(c -> c.user().id().equals(socket.user().id())).count();
        if (mine >= max) return false;
        open.put(socket.id(), socket);
        return true;
    }

    void remove(EventsConnection socket) {
        open.remove(socket.id());
    }

    List<EventsConnection> all() {
        return List.copyOf(open.values());
    }

    @EventListener
    void on(CollaboratorRemoved event) {
        open.values().stream().filter(c -> c.user().id().equals(event.userId()) && c.projects.contains(event.projectId()))
                .forEach(c -> refuse(c, "project-access-revoked", "You are no longer a member of this project.", event.projectId()));
    }

    @EventListener
    void on(SignInEnded event) {
        open.values().stream().filter(c -> event.endsSignInOf(c.user()))
                .forEach(c -> refuse(c, "session-ended", "Your sessions ended (" + event.reason() + "); sign in again.", null));
    }

    /** Closes the sockets of users no longer signed in, every {@code revalidate-interval}. */
    @Scheduled(fixedDelayString = "${vaporform.collab.revalidate-interval:60s}", initialDelayString = "${vaporform.collab.revalidate-interval:60s}")
    void revalidate() {
        var signedOut = signIns.signedOut(open.values().stream().map(EventsConnection::user).toList());
        open.values().stream().filter(c -> signedOut.contains(c.user()))
                .forEach(c -> refuse(c, "session-ended", "Your sign-in session ended; sign in again.", null));
    }

    @EventListener
    void on(ProjectDeleted event) {
        open.values().stream().filter(c -> c.projects.contains(event.projectId()))
                .forEach(c -> refuse(c, "project-not-found", "The project was deleted.", event.projectId()));
    }

    static void refuse(EventsConnection socket, String code, String message, UUID projectId) {
        socket.refuse(EventFrames.error(code, message, projectId), CloseStatus.POLICY_VIOLATION.withReason(code));
    }
}
