package dev.vaporform.containers.terminal;

import dev.vaporform.platform.OpenSockets;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import dev.vaporform.platform.ProblemException;
import dev.vaporform.platform.RealtimeHandshake;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * {@code /ws/terminal?project=…&session=…}: client frames {@code {"type":"input","data":…}} and
 * {@code {"type":"resize","cols":…,"rows":…}}; the server sends the shell's output as text frames.
 * Needs collaborator. Refusals are one JSON error frame, then close 1008 (policy) or 1003.
 */
@Component
class TerminalHandler extends TextWebSocketHandler {

    private final OpenSockets openSockets;

    private static final Logger log = LoggerFactory.getLogger(TerminalHandler.class);
    private static final String SESSION = "terminal.session";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TerminalSessions sessions;
    private final ProjectAccess access;
    private final WorkspaceActivity activity;

    TerminalHandler(TerminalSessions sessions, ProjectAccess access, WorkspaceActivity activity, OpenSockets openSockets) {
        this.sessions = sessions;
        this.access = access;
        this.activity = activity;
        this.openSockets = openSockets;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        openSockets.opened("terminal");
        // Output is sent from Docker's thread while pings and errors come from others.
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1024 * 1024);
        raw.getAttributes().put("decorated", socket);
        var user = (AuthenticatedUser) raw.getAttributes().get(RealtimeHandshake.USER);
        Map<String, String> query = query(raw.getUri());
        UUID projectId = uuid(query.get("project"));
        UUID sessionId = uuid(query.get("session"));
        if (projectId == null || sessionId == null) {
            refuse(socket, CloseStatus.POLICY_VIOLATION, "bad-request", "Give ?project=<uuid>&session=<uuid>.");
            return;
        }
        try {
            access.require(user.id(), projectId, ProjectRole.collaborator);
            TerminalSession session = sessions.open(projectId, sessionId, intOr(query.get("cols"), 80), intOr(query.get("rows"), 24));
            raw.getAttributes().put(SESSION, session);
            session.attach(socket);
        } catch (ProblemException problem) {
            refuse(socket, CloseStatus.POLICY_VIOLATION, problem.code(), problem.getMessage());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws Exception {
        var session = (TerminalSession) raw.getAttributes().get(SESSION);
        if (session == null) return;
        JsonNode frame;
        try {
            frame = JSON.readTree(message.getPayload());
        } catch (RuntimeException e) {
            refuse(decorated(raw), CloseStatus.NOT_ACCEPTABLE, "malformed-frame", "Frames are JSON objects.");
            return;
        }
        switch (frame.path("type").asString("")) {
            case "input" -> session.input(frame.path("data").asString(""));
            case "resize" -> sessions.resize(session, clamp(frame.path("cols").asInt(80)), clamp(frame.path("rows").asInt(24)));
            default -> refuse(decorated(raw), CloseStatus.NOT_ACCEPTABLE, "unknown-frame", "Frame types are input and resize.");
        }
        activity.touch(session.projectId());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        openSockets.closed("terminal");
        var session = (TerminalSession) raw.getAttributes().get(SESSION);
        if (session != null) session.detach(decorated(raw));
    }

    private static WebSocketSession decorated(WebSocketSession raw) {
        Object d = raw.getAttributes().get("decorated");
        return d instanceof WebSocketSession s ? s : raw;
    }

    private static void refuse(WebSocketSession socket, CloseStatus status, String code, String detail) throws IOException {
        log.info("Terminal connection refused: {}", code);
        socket.sendMessage(new TextMessage(JSON.writeValueAsString(Map.of("type", "error", "code", code, "detail", detail))));
        socket.close(status.withReason(code));
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
