package dev.vaporform.collab.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import dev.vaporform.collab.internal.CollabProperties;
import dev.vaporform.collab.internal.RateLimit;
import dev.vaporform.platform.AuthenticatedUser;

/**
 * One client on {@code /ws/events}. Like a collaboration connection, sends never block the
 * caller: frames go to a bounded outbox that a virtual thread writes out, and a client that
 * falls too far behind is dropped.
 */
final class EventsConnection {

    private static final Logger log = LoggerFactory.getLogger(EventsConnection.class);
    @SuppressWarnings("StringOperationCanBeSimplified") // compared by identity: never equal to a real frame
    private static final String CLOSE = new String("close");

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final long bufferLimit;
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Projects this socket is subscribed to. */
    final Set<UUID> projects = ConcurrentHashMap.newKeySet();
    final RateLimit frames;
    final RateLimit chat;
    private volatile boolean closed;
    private volatile CloseStatus closeAfterDrain;

    EventsConnection(WebSocketSession socket, AuthenticatedUser user, CollabProperties properties) {
        this.socket = socket;
        this.user = user;
        this.bufferLimit = properties.sendBufferLimit().toBytes();
        this.frames = new RateLimit(properties.messagesPerSecond(), properties.messageBurst());
        this.chat = new RateLimit(properties.chatMessagesPerMinute() / 60.0, properties.chatBurst());
    }

    AuthenticatedUser user() { return user; }
    String id() { return socket.getId(); }
    boolean isOpen() { return !closed && socket.isOpen(); }

    /** Queues a frame; drops the connection when the client has fallen too far behind. */
    void send(String frame) {
        if (closed) return;
        if (queuedBytes.addAndGet((long) frame.length() * 2) > bufferLimit) {
            log.warn("Dropping a slow events client ({} bytes queued)", queuedBytes.get());
            close(CloseStatus.POLICY_VIOLATION.withReason("slow-consumer"));
            return;
        }
        outbox.add(frame);
        drainSoon();
    }

    /** Sends an error frame (after everything queued before it), then closes with {@code status}. */
    void refuse(String frame, CloseStatus status) {
        if (closed) return;
        closeAfterDrain = status;
        queuedBytes.addAndGet((long) frame.length() * 2);
        outbox.add(frame);
        outbox.add(CLOSE);
        drainSoon();
    }

    private void drainSoon() {
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
        if (!outbox.isEmpty()) drainSoon();
    }

    void close(CloseStatus status) {
        if (closed) return;
        closed = true;
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing an events socket failed", e);
        }
    }
}
