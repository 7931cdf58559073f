package dev.vaporform.collab.internal;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * The sending side of one socket, shared by {@code /ws/collab} and {@code /ws/events}. Sends
 * never block the caller (a document's authority, an event fan-out): each frame goes to a
 * bounded queue that a virtual thread writes to the socket, one frame at a time as the
 * container requires; a client that reads slower than frames arrive is dropped (1008
 * {@code slow-consumer}) once {@code bufferLimit} bytes are queued, except that one frame may be
 * larger on its own (the snapshot of a document near {@code max-file-size} is one frame, and a
 * client that has everything else is not behind). Frames that are waiting
 * together leave together: the container batches them in its output buffer and writes them with
 * one system call, which is most of what a busy document costs (a socket write per frame).
 */
public final class SocketOutbox {

    private static final Logger log = LoggerFactory.getLogger(SocketOutbox.class);
    @SuppressWarnings("StringOperationCanBeSimplified") // compared by identity: never equal to a real frame
    private static final String CLOSE = new String("close");
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String PING = new String("ping");

    private final WebSocketSession socket;
    /** The container's endpoint, for batching; null when the session is not a Jakarta one. */
    private final RemoteEndpoint.Basic remote;
    private final long bufferLimit;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;
    private volatile CloseStatus closeAfterDrain;

    public SocketOutbox(WebSocketSession socket, long bufferLimit) {
        this.socket = socket;
        this.remote = socket instanceof NativeWebSocketSession n && n.getNativeSession() instanceof Session jakarta
                ? jakarta.getBasicRemote() : null;
        this.bufferLimit = bufferLimit;
    }

    /** @return whether the socket is still open for sending */
    public boolean isOpen() {
        return !closed && socket.isOpen();
    }

    /** Queues a frame; drops the connection when the client has fallen too far behind. */
    public void send(String frame) {
        if (closed) return;
        long size = (long) frame.length() * 2;
        long queued = queuedBytes.addAndGet(size);
        if (queued > bufferLimit && queued > size) {
            log.warn("Dropping a slow WebSocket client ({} bytes queued)", queuedBytes.get());
            close(CloseStatus.POLICY_VIOLATION.withReason("slow-consumer"));
            return;
        }
        queue.add(frame);
        drainSoon();
    }

    /** Sends an error frame (after everything queued before it), then closes with {@code status}. */
    public void refuse(String frame, CloseStatus status) {
        if (closed) return;
        closeAfterDrain = status;
        queuedBytes.addAndGet((long) frame.length() * 2);
        queue.add(frame);
        queue.add(CLOSE);
        drainSoon();
    }

    /** Queues a WebSocket ping (the browser answers it, however busy its page is), sent in order with the frames. */
    public void ping() {
        if (closed || remote == null) return;
        queue.add(PING);
        drainSoon();
    }

    /** Closes now; later sends are ignored. */
    public void close(CloseStatus status) {
        if (closed) return;
        closed = true;
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a WebSocket failed", e);
        }
    }

    private void sendPing() {
        if (closed) return;
        try {
            remote.sendPing(java.nio.ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    /** Turning batching off writes what it holds (only the draining thread sends, so this is safe). */
    private void batching(boolean on) {
        if (remote == null || closed) return;
        try {
            if (remote.getBatchingAllowed() != on) remote.setBatchingAllowed(on);
        } catch (IOException | RuntimeException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void drainSoon() {
        if (draining.compareAndSet(false, true)) Thread.ofVirtual().start(this::drain);
    }

    private void drain() {
        batching(true);
        String frame;
        while ((frame = queue.poll()) != null) {
            if (frame == CLOSE) {
                batching(false);
                close(closeAfterDrain);
                continue;
            }
            if (frame == PING) {
                sendPing();
                continue;
            }
            queuedBytes.addAndGet(-(long) frame.length() * 2);
            try {
                if (closed) continue;
                if (remote != null) {
                    remote.sendText(frame);
                } else {
                    socket.sendMessage(new TextMessage(frame));
                }
            } catch (IOException | RuntimeException e) {
                close(CloseStatus.SESSION_NOT_RELIABLE);
            }
        }
        batching(false);
        draining.set(false);
        // A frame added between the last poll and the reset would otherwise wait for the next send.
        if (!queue.isEmpty()) drainSoon();
    }
}
