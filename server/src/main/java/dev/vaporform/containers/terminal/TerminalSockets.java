package dev.vaporform.containers.terminal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.vaporform.auth.SignInEnded;
import dev.vaporform.auth.SignInSessions;
import dev.vaporform.projects.CollaboratorRemoved;
import dev.vaporform.projects.CollaboratorRoleChanged;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * The open terminal sockets of this node, closed as soon as their right to the terminal ends, as
 * the collaboration and events sockets are: a member removed or lowered below collaborator, and a
 * sign-in ended (logout, logout-all, password change, deactivation, the API token deleted), get an
 * error frame and close 1008 ({@code project-access-revoked}, {@code session-ended}). These events
 * reach every node. Every {@code terminal-revalidate-interval} each socket's sign-in and role are
 * checked again, for what no event announces (an expired session or token) or a node missed.
 */
@Component
class TerminalSockets {

    private static final Logger log = LoggerFactory.getLogger(TerminalSockets.class);
    static final String ACCESS_REVOKED = "project-access-revoked";
    static final String SESSION_ENDED = "session-ended";

    private final Map<String, TerminalConnection> open = new ConcurrentHashMap<>();
    private final SignInSessions signIns;
    private final ProjectAccess access;

    TerminalSockets(SignInSessions signIns, ProjectAccess access) {
        this.signIns = signIns;
        this.access = access;
    }

    void add(TerminalConnection connection) {
        open.put(connection.id(), connection);
    }

    void remove(TerminalConnection connection) {
        open.remove(connection.id());
    }

    List<TerminalConnection> all() {
        return List.copyOf(open.values());
    }

    @EventListener
    void on(CollaboratorRemoved event) {
        open.values().stream().filter(c -> c.user().id().equals(event.userId()) && c.projectId().equals(event.projectId()))
                .forEach(c -> c.revoke(ACCESS_REVOKED, "You are no longer a member of this project."));
    }

    @EventListener
    void on(CollaboratorRoleChanged event) {
        if (event.role().atLeast(ProjectRole.collaborator)) return;
        open.values().stream().filter(c -> c.user().id().equals(event.userId()) && c.projectId().equals(event.projectId()))
                .forEach(c -> c.revoke(ACCESS_REVOKED, "Your role on this project (" + event.role() + ") does not include terminals."));
    }

    @EventListener
    void on(SignInEnded event) {
        open.values().stream().filter(c -> event.endsSignInOf(c.user()))
                .forEach(c -> c.revoke(SESSION_ENDED, "Your sign-in ended (" + event.reason() + "); sign in again."));
    }

    @Scheduled(fixedDelayString = "${vaporform.containers.terminal-revalidate-interval:60s}",
            initialDelayString = "${vaporform.containers.terminal-revalidate-interval:60s}")
    void revalidate() {
        List<TerminalConnection> connections = all();
        var signedOut = signIns.signedOut(connections.stream().map(TerminalConnection::user).toList());
        for (TerminalConnection c : connections) {
            if (signedOut.contains(c.user())) c.revoke(SESSION_ENDED, "Your sign-in session ended; sign in again.");
            else if (!mayStillUse(c)) c.revoke(ACCESS_REVOKED, "You may no longer use terminals in this project.");
        }
    }

    /** @return false only when the role is known to be too low: a failing check (database down) closes nothing */
    private boolean mayStillUse(TerminalConnection c) {
        try {
            return access.roleOf(c.user().id(), c.projectId()).filter(r -> r.atLeast(ProjectRole.collaborator)).isPresent();
        } catch (RuntimeException e) {
            log.warn("Re-checking a terminal's role failed ({}); trying again next time", e.getMessage());
            return true;
        }
    }
}
