package dev.vaporform.collab.session;

import dev.vaporform.platform.OpenSockets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.collab.internal.CollabProperties;
import dev.vaporform.collab.internal.Heartbeats;
import dev.vaporform.collab.internal.PartialText;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.ProblemException;
import dev.vaporform.platform.RealtimeHandshake;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * {@code /ws/events}: JSON frames. Client frames: {@code subscribe} and {@code unsubscribe}
 * ({@code projectId}; subscribing needs viewer), {@code chat} ({@code projectId, text,
 * clientId?}; the socket must be subscribed) and {@code ping}. Replies: {@code subscribed}
 * ({@code sessionId, participants}), {@code unsubscribed}, {@code pong}, or {@code error}
 * ({@code code, message}). Subscribing to a project one may not see answers an error frame and
 * closes 1008; a frame that is not a JSON object closes 1007; a flood closes 1008; other
 * mistakes get an error frame and the socket stays open.
 */
@Component
class EventsHandler extends TextWebSocketHandler {

    private final OpenSockets openSockets;

    private static final Logger log = LoggerFactory.getLogger(EventsHandler.class);
    private static final String CONNECTION = "events.connection";
    private static final String BEAT = "events.beat";
    /** Largest events frame: a chat message of {@code chat-max-length} with room to spare. */
    static final int MAX_FRAME = 64 * 1024;

    private final EventsSockets sockets;
    private final LiveSessions sessions;
    private final Chat chat;
    private final ProjectAccess access;
    private final CollabProperties properties;
    private final java.time.Clock clock;
    private final Heartbeats heartbeats;

    EventsHandler(EventsSockets sockets, LiveSessions sessions, Chat chat, ProjectAccess access, CollabProperties properties,
                  java.time.Clock clock, OpenSockets openSockets, Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.sockets = sockets;
        this.sessions = sessions;
        this.chat = chat;
        this.access = access;
        this.properties = properties;
        this.openSockets = openSockets;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        openSockets.opened("events");
        var user = (AuthenticatedUser) socket.getAttributes().get(RealtimeHandshake.USER);
        var connection = new EventsConnection(socket, user, properties);
        if (!sockets.add(connection, properties.maxConnectionsPerUser())) {
            EventsSockets.refuse(connection, "too-many-connections", "You have too many event sockets open.", null);
            return;
        }
        socket.getAttributes().put(CONNECTION, connection);
        socket.getAttributes().put(BEAT, heartbeats.watch(connection.outbox()));
    }

    /** Frames over the container's small buffer arrive in parts, put together by the connection's {@link PartialText} up to {@link #MAX_FRAME}. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        var connection = (EventsConnection) socket.getAttributes().get(CONNECTION);
        if (connection == null || !connection.isOpen()) return;
        heard(socket);
        String text = connection.incoming.add(message);
        if (text != null) handleFrame(connection, text);
    }

    private void handleFrame(EventsConnection connection, String text) {
        if (!connection.frames.tryAcquire()) {
            EventsSockets.refuse(connection, "rate-limited", "Too many messages; slow down.", null);
            return;
        }
        JsonNode frame;
        try {
            frame = EventFrames.JSON.readTree(text);
        } catch (RuntimeException e) {
            frame = null;
        }
        if (!(frame instanceof ObjectNode request)) {
            connection.refuse(EventFrames.error("malformed-frame", "Frames are JSON objects.", null), CloseStatus.BAD_DATA);
            return;
        }
        dispatch(connection, request);
    }

    private void dispatch(EventsConnection connection, ObjectNode request) {
        String type = request.path("type").asString("");
        if (type.equals("ping")) {
            connection.send("{\"type\":\"pong\"}");
            return;
        }
        UUID projectId = projectId(request);
        if (projectId == null && !type.isEmpty()) {
            connection.send(EventFrames.error("invalid-project-id", "projectId must be a project's id.", null));
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(connection, projectId);
            case "unsubscribe" -> unsubscribe(connection, projectId);
            case "chat" -> chat(connection, projectId, request);
            default -> connection.send(EventFrames.error("unknown-type", "Unknown frame type: use subscribe, unsubscribe, chat or ping.", null));
        }
    }

    private void subscribe(EventsConnection connection, UUID projectId) {
        try {
            access.require(connection.user().id(), projectId, ProjectRole.viewer);
        } catch (ProblemException refused) {
            log.info("Events subscription refused: {}", refused.code());
            EventsSockets.refuse(connection, refused.code(), refused.getMessage(), projectId);
            return;
        }
        connection.projects.add(projectId);
        var session = sessions.subscribe(projectId, connection);
        var reply = EventFrames.event("subscribed", projectId, clock.instant()).put("sessionId", session.id().toString());
        reply.set("participants", EventFrames.JSON.valueToTree(sessions.participantsOf(session.id())));
        connection.send(reply.toString());
    }

    private void unsubscribe(EventsConnection connection, UUID projectId) {
        if (connection.projects.remove(projectId)) sessions.unsubscribe(projectId, connection);
        connection.send(EventFrames.event("unsubscribed", projectId, clock.instant()).toString());
    }

    private void chat(EventsConnection connection, UUID projectId, ObjectNode request) {
        if (!connection.projects.contains(projectId)) {
            connection.send(EventFrames.error("not-subscribed", "Subscribe to the project before chatting in it.", projectId));
            return;
        }
        JsonNode text = request.get("text");
        try {
            chat.say(connection, projectId, text != null && text.isString() ? text.asString() : null, request.path("clientId").asString(null));
        } catch (Chat.Refused refused) {
            connection.send(EventFrames.error(refused.code, refused.getMessage(), projectId));
        }
    }

    private static UUID projectId(JsonNode request) {
        try {
            return UUID.fromString(request.path("projectId").asString(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession socket, PongMessage message) {
        heard(socket);
    }

    private static void heard(WebSocketSession socket) {
        if (socket.getAttributes().get(BEAT) instanceof Heartbeats.Beat beat) beat.heard();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        openSockets.closed("events");
        if (socket.getAttributes().get(BEAT) instanceof Heartbeats.Beat beat) beat.stop();
        var connection = (EventsConnection) socket.getAttributes().get(CONNECTION);
        if (connection == null) return;
        connection.close(status);
        sockets.remove(connection);
        for (UUID projectId : connection.projects) sessions.unsubscribe(projectId, connection);
        connection.projects.clear();
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Events transport error", exception);
    }
}
