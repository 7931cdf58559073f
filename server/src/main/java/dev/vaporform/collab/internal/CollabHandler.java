package dev.vaporform.collab.internal;

import dev.vaporform.platform.OpenSockets;
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

import dev.vaporform.files.ProjectFiles;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.RealtimeHandshake;

/**
 * {@code /ws/collab}: one {@link CollabConnection} per socket. Sends ShareDB's legacy
 * {@code init} on connect, applies the per-user connection limit and the per-connection rate
 * limit, parses frames and hands them to the {@link Protocol}. A frame that is not a JSON object
 * gets an error frame and close 1007; a flood gets one and close 1008.
 */
@Component
class CollabHandler extends TextWebSocketHandler {

    private final io.micrometer.observation.ObservationRegistry observations;

    private final OpenSockets openSockets;

    private static final Logger log = LoggerFactory.getLogger(CollabHandler.class);
    private static final String CONNECTION = "collab.connection";
    private static final String BEAT = "collab.beat";

    private final Protocol protocol;
    private final Connections connections;
    private final Documents documents;
    private final ClientIds clientIds;
    private final CollabProperties properties;
    private final ProjectFiles files;
    private final Heartbeats heartbeats;

    CollabHandler(Protocol protocol, Connections connections, Documents documents, ClientIds clientIds, CollabProperties properties,
                  OpenSockets openSockets, io.micrometer.observation.ObservationRegistry observations, ProjectFiles files,
                  Heartbeats heartbeats) {
        this.files = files;
        this.heartbeats = heartbeats;
        this.observations = observations;
        this.protocol = protocol;
        this.connections = connections;
        this.documents = documents;
        this.clientIds = clientIds;
        this.properties = properties;
        this.openSockets = openSockets;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        openSockets.opened("collab");
        var user = (AuthenticatedUser) socket.getAttributes().get(RealtimeHandshake.USER);
        var connection = new CollabConnection(socket, user, clientIds.issue(user.id()), properties);
        if (!connections.add(connection, properties.maxConnectionsPerUser())) {
            connection.refuse(Protocol.policyFrame("too-many-connections", "You have too many collaboration connections open."),
                    CloseStatus.POLICY_VIOLATION.withReason("too-many-connections"));
            return;
        }
        socket.getAttributes().put(CONNECTION, connection);
        socket.getAttributes().put(BEAT, heartbeats.watch(connection.outbox()));
        connection.send(Frames.handshake("init", connection.src(), properties.maxMessageSize().toBytes(), files.maxFileSize()));
    }

    /** Parts of large frames are put together by the connection's {@link PartialText}, so the container's buffer per socket stays small. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        var connection = (CollabConnection) socket.getAttributes().get(CONNECTION);
        if (connection == null || !connection.isOpen()) return;
        heard(socket);
        String text = connection.incoming.add(message);
        if (text != null) {
            // a span per frame: the trace shows what a client sent and what it cost this node
            io.micrometer.observation.Observation.createNotStarted("vaporform.collab.frame", observations)
                    .observe(() -> handleFrame(connection, text));
        }
    }

    private void handleFrame(CollabConnection connection, String text) {
        if (!connection.rate.tryAcquire()) {
            connection.refuse(Protocol.policyFrame("rate-limited", "Too many messages; slow down."),
                    CloseStatus.POLICY_VIOLATION.withReason("rate-limited"));
            return;
        }
        JsonNode request;
        try {
            request = Json.read(text);
        } catch (RuntimeException e) {
            request = null;
        }
        if (!(request instanceof ObjectNode object)) {
            connection.refuse(Protocol.policyFrame(ShareDbError.BADLY_FORMED, "Frames are JSON objects."), CloseStatus.BAD_DATA);
            return;
        }
        protocol.handle(connection, object);
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
        openSockets.closed("collab");
        if (socket.getAttributes().get(BEAT) instanceof Heartbeats.Beat beat) beat.stop();
        var connection = (CollabConnection) socket.getAttributes().get(CONNECTION);
        if (connection == null) return;
        connection.close(status);
        connections.remove(connection);
        for (DocumentKey key : connection.documents) documents.ifLive(key, a -> a.leave(connection));
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Collaboration transport error", exception);
    }
}
