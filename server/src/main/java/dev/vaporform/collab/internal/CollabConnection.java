package dev.vaporform.collab.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectRole;

/**
 * One client on {@code /ws/collab}: its user, its {@code src}, the documents it holds, its
 * cached roles and rate limit. Frames go out through a {@link SocketOutbox}, so sends never
 * block a document's authority.
 */
final class CollabConnection {

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final SocketOutbox outbox;
    private final Map<UUID, CachedRole> roles = new ConcurrentHashMap<>();
    /** Documents this connection is subscribed to (ops) or present in. */
    final Set<DocumentKey> documents = ConcurrentHashMap.newKeySet();
    final RateLimit rate;
    /** The frame being received in parts (only the socket's receiving thread touches it). */
    final PartialText incoming;
    private volatile String src;

    private record CachedRole(ProjectRole role, Instant until) {}

    CollabConnection(WebSocketSession socket, AuthenticatedUser user, String src, CollabProperties properties) {
        this.socket = socket;
        this.user = user;
        this.src = src;
        this.outbox = new SocketOutbox(socket, properties.sendBufferLimit().toBytes());
        this.rate = new RateLimit(properties.messagesPerSecond(), properties.messageBurst());
        this.incoming = new PartialText(properties.maxMessageSize().toBytes(), outbox);
    }

    AuthenticatedUser user() { return user; }
    String src() { return src; }
    void src(String src) { this.src = src; }
    String id() { return socket.getId(); }
    boolean isOpen() { return outbox.isOpen(); }

    /** Queues a frame; drops the connection when the client has fallen too far behind. */
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

    /** @return the role remembered for the project while still fresh, else null */
    ProjectRole cachedRole(UUID projectId, Instant now) {
        CachedRole cached = roles.get(projectId);
        return cached != null && now.isBefore(cached.until()) ? cached.role() : null;
    }

    void rememberRole(UUID projectId, ProjectRole role, Instant until) {
        roles.put(projectId, new CachedRole(role, until));
    }

    void forgetRoles(UUID projectId) {
        roles.remove(projectId);
    }

    boolean touches(UUID projectId) {
        return roles.containsKey(projectId) || documents.stream().anyMatch(d -> d.projectId().equals(projectId));
    }
}
