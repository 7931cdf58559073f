package dev.vaporform.containers.terminal;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.containers.WorkspaceActivity;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.OpenSockets;
import dev.vaporform.platform.ProblemException;
import dev.vaporform.platform.RealtimeHandshake;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * {@code /ws/terminal?project=…&session=…}: client frames {@code {"type":"input","data":…}} and
 * {@code {"type":"resize","cols":…,"rows":…}}; the server sends the shell's output as text frames.
 * Needs collaborator, on connect and again for every frame, so input typed after a lowered role
 * or a removal never reaches the shell; {@link TerminalSockets} closes the socket when the role or
 * the sign-in goes. Refusals are one JSON error frame, then close 1008 (policy) or 1003.
 */
@Component
class TerminalHandler extends TextWebSocketHandler {

    private static final String CONNECTION = "terminal.connection";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TerminalSessions sessions;
    private final TerminalSockets sockets;
    private final ProjectAccess access;
    private final WorkspaceActivity activity;
    private final OpenSockets openSockets;

    TerminalHandler(TerminalSessions sessions, TerminalSockets sockets, ProjectAccess access, WorkspaceActivity activity,
                    OpenSockets openSockets) {
        this.sessions = sessions;
        this.sockets = sockets;
        this.access = access;
        this.activity = activity;
        this.openSockets = openSockets;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        openSockets.opened("terminal");
        // Output is sent from Docker's thread while pings and errors come from others.
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1024 * 1024);
        var user = (AuthenticatedUser) raw.getAttributes().get(RealtimeHandshake.USER);
        Map<String, String> query = query(raw.getUri());
        UUID projectId = uuid(query.get("project"));
        UUID sessionId = uuid(query.get("session"));
        var connection = new TerminalConnection(socket, user, projectId);
        raw.getAttributes().put(CONNECTION, connection);
        if (projectId == null || sessionId == null) {
            connection.revoke("bad-request", "Give ?project=<uuid>&session=<uuid>.");
            return;
        }
        // Registered before the check, so a removal while it runs still reaches this socket.
        sockets.add(connection);
        try {
            access.require(user.id(), projectId, ProjectRole.collaborator);
            connection.attach(sessions.open(projectId, sessionId, intOr(query.get("cols"), 80), intOr(query.get("rows"), 24)));
        } catch (ProblemException problem) {
            connection.revoke(problem.code(), problem.getMessage());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws Exception {
        var connection = (TerminalConnection) raw.getAttributes().get(CONNECTION);
        if (connection == null || connection.refused() || connection.session() == null) return;
        JsonNode frame;
        try {
            frame = JSON.readTree(message.getPayload());
        } catch (RuntimeException e) {
            connection.refuse(CloseStatus.NOT_ACCEPTABLE, "malformed-frame", "Frames are JSON objects.");
            return;
        }
        if (!stillAllowed(connection)) return;
        TerminalSession session = connection.session();
        switch (frame.path("type").asString("")) {
            case "input" -> session.input(frame.path("data").asString(""));
            case "resize" -> sessions.resize(session, clamp(frame.path("cols").asInt(80)), clamp(frame.path("rows").asInt(24)));
            default -> connection.refuse(CloseStatus.NOT_ACCEPTABLE, "unknown-frame", "Frame types are input and resize.");
        }
        activity.touch(session.projectId());
    }

    /** The role, checked again (from the shared cache, invalidated on every node when it changes). */
    private boolean stillAllowed(TerminalConnection connection) {
        try {
            access.require(connection.user().id(), connection.projectId(), ProjectRole.collaborator);
            return true;
        } catch (ProblemException refused) {
            connection.revoke(TerminalSockets.ACCESS_REVOKED, "You may no longer use terminals in this project.");
            return false;
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        openSockets.closed("terminal");
        var connection = (TerminalConnection) raw.getAttributes().get(CONNECTION);
        if (connection == null) return;
        sockets.remove(connection);
        connection.detach();
    }

    private static Map<String, String> query(URI uri) {
        var params = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        return Map.of("project", params.getFirst("project") == null ? "" : params.getFirst("project"),
                "session", params.getFirst("session") == null ? "" : params.getFirst("session"),
                "cols", params.getFirst("cols") == null ? "" : params.getFirst("cols"),
                "rows", params.getFirst("rows") == null ? "" : params.getFirst("rows"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int intOr(String value, int fallback) {
        try {
            return clamp(Integer.parseInt(value));
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(size, 1000));
    }
}
