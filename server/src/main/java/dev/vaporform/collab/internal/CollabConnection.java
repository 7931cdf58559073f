package dev.vaporform.collab.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectRole;

/**
 * One client on {@code /ws/collab}: its user, its {@code src}, the documents and presences it
 * holds (each bounded), its cached roles and rate limit. Frames go out through a
 * {@link SocketOutbox}, so sends never block a document's authority.
 */
final class CollabConnection {

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final SocketOutbox outbox;
    private final Map<UUID, CachedRole> roles = new ConcurrentHashMap<>();
    /** Documents this connection is subscribed to (ops), listens to the presence of, or is present in. */
    final Set<DocumentKey> documents = ConcurrentHashMap.newKeySet();
    /** Presences (an id in a document) this connection holds, over every document. */
    private final AtomicInteger presences = new AtomicInteger();
    private final int maxDocuments;
    private final int maxPresences;
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
        this.maxDocuments = properties.maxDocumentsPerConnection();
        this.maxPresences = properties.maxPresencesPerConnection();
    }

    AuthenticatedUser user() { return user; }
    String src() { return src; }
    void src(String src) { this.src = src; }
    String id() { return socket.getId(); }
    boolean isOpen() { return outbox.isOpen(); }
    SocketOutbox outbox() { return outbox; }

    /**
     * Takes the documents on, all or none. Called on the socket's receiving thread before their
     * work is queued, so requests still in flight count; an authority lets go of a document the
     * connection no longer holds there ({@link DocumentAuthority#release}).
     *
     * @return false (and nothing is taken) when the connection would hold more than {@code max-documents-per-connection}
     */
    boolean hold(Collection<DocumentKey> keys) {
        long added = keys.stream().distinct().filter(k -> !documents.contains(k)).count();
        if (added == 0) return true;
        if (documents.size() + added > maxDocuments) return false;
        documents.addAll(keys);
        return true;
    }

    /** @return false (and nothing is counted) when the connection already holds {@code max-presences-per-connection} */
    boolean takePresence() {
        if (presences.incrementAndGet() <= maxPresences) return true;
        presences.decrementAndGet();
        return false;
    }

    void dropPresence() {
        presences.decrementAndGet();
    }

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
