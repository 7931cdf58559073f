package dev.vaporform.collab.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectRole;

/**
 * One client on {@code /ws/collab}. Sends never block the caller (a document's authority): each
 * frame goes to a bounded outbox that a virtual thread writes to the socket; a client that
 * reads slower than its documents change is dropped once the outbox is over its limit.
 */
final class CollabConnection {

    private static final Logger log = LoggerFactory.getLogger(CollabConnection.class);

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final long bufferLimit;
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Map<UUID, CachedRole> roles = new ConcurrentHashMap<>();
    /** Documents this connection is subscribed to (ops) or present in. */
    final Set<DocumentKey> documents = ConcurrentHashMap.newKeySet();
    final RateLimit rate;
    private volatile String src;
    private volatile boolean closed;
    private volatile CloseStatus closeAfterDrain;
    @SuppressWarnings("StringOperationCanBeSimplified") // compared by identity: never equal to a real frame
    private static final String CLOSE = new String("close");

    private record CachedRole(ProjectRole role, Instant until) {}

    CollabConnection(WebSocketSession socket, AuthenticatedUser user, String src, CollabProperties properties) {
        this.socket = socket;
        this.user = user;
        this.src = src;
        this.bufferLimit = properties.sendBufferLimit().toBytes();
        this.rate = new RateLimit(properties.messagesPerSecond(), properties.messageBurst());
    }

    AuthenticatedUser user() { return user; }
    String src() { return src; }
    void src(String src) { this.src = src; }
    String id() { return socket.getId(); }
    boolean isOpen() { return !closed && socket.isOpen(); }

    /** Queues a frame; drops the connection when the client has fallen too far behind. */
    void send(String frame) {
        if (closed) return;
        long size = (long) frame.length() * 2;
        if (queuedBytes.addAndGet(size) > bufferLimit) {
            log.warn("Dropping a slow collaboration client ({} bytes queued)", queuedBytes.get());
            close(CloseStatus.POLICY_VIOLATION.withReason("slow-consumer"));
            return;
        }
        outbox.add(frame);
        if (draining.compareAndSet(false, true)) Thread.ofVirtual().start(this::drain);
    }

    private void drain() {
        String frame;
        while ((frame = outbox.poll()) != null) {
            if (frame == CLOSE) {
                close(closeAfterDrain);
                continue;
            }
            queuedBytes.addAndGet(-(long) frame.length() * 2);
            try {
                if (!closed) socket.sendMessage(new TextMessage(frame.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                close(CloseStatus.SESSION_NOT_RELIABLE);
            }
        }
        draining.set(false);
        if (!outbox.isEmpty() && draining.compareAndSet(false, true)) Thread.ofVirtual().start(this::drain);
    }

    /** Sends an error frame (after everything queued before it), then closes with {@code status}. */
    void refuse(String frame, CloseStatus status) {
        if (closed) return;
        closeAfterDrain = status;
        queuedBytes.addAndGet((long) frame.length() * 2);
        outbox.add(frame);
        outbox.add(CLOSE);
        if (draining.compareAndSet(false, true)) Thread.ofVirtual().start(this::drain);
    }

    void close(CloseStatus status) {
        if (closed) return;
        closed = true;
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a collaboration socket failed", e);
        }
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
