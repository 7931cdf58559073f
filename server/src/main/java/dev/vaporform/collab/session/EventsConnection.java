package dev.vaporform.collab.session;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import dev.vaporform.collab.internal.CollabProperties;
import dev.vaporform.collab.internal.PartialText;
import dev.vaporform.collab.internal.RateLimit;
import dev.vaporform.collab.internal.SocketOutbox;
import dev.vaporform.platform.AuthenticatedUser;

/**
 * One client on {@code /ws/events}: its user, the projects it is subscribed to and its rate
 * limits (frames, and chat messages). Frames go out through a {@link SocketOutbox}, so a slow
 * client never holds up an event fan-out.
 */
final class EventsConnection {

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final SocketOutbox outbox;
    /** Projects this socket is subscribed to. */
    final Set<UUID> projects = ConcurrentHashMap.newKeySet();
    final RateLimit frames;
    final RateLimit chat;
    /** The frame being received in parts (only the socket's receiving thread touches it). */
    final PartialText incoming;

    EventsConnection(WebSocketSession socket, AuthenticatedUser user, CollabProperties properties) {
        this.socket = socket;
        this.user = user;
        this.outbox = new SocketOutbox(socket, properties.sendBufferLimit().toBytes());
        this.incoming = new PartialText(EventsHandler.MAX_FRAME, outbox);
        this.frames = new RateLimit(properties.messagesPerSecond(), properties.messageBurst());
        this.chat = new RateLimit(properties.chatMessagesPerMinute() / 60.0, properties.chatBurst());
    }

    AuthenticatedUser user() { return user; }
    String id() { return socket.getId(); }
    boolean isOpen() { return outbox.isOpen(); }
    SocketOutbox outbox() { return outbox; }

    void send(String frame) {
        outbox.send(frame);
    }

    /** Sends an error frame (after everything queued before it), then closes with {@code status}. */
    void refuse(String frame, CloseStatus status) {
        outbox.refuse(frame, status);
    }

    void close(CloseStatus status) {
        outbox.close(status);
    }
}
