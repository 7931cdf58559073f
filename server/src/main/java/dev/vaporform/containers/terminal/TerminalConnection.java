package dev.vaporform.containers.terminal;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * One browser's (or script's) socket on {@code /ws/terminal}: who it stands for, the project, and
 * the shell it watches once attached. A refusal is final: from that moment its input is ignored
 * and it gets no more output; the error frame and the close follow on a thread of their own, so
 * whoever refuses (the request that removed a member, a node-wide event) never waits on a slow
 * client.
 */
final class TerminalConnection {

    private static final Logger log = LoggerFactory.getLogger(TerminalConnection.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketSession socket;
    private final AuthenticatedUser user;
    private final UUID projectId;
    private final AtomicBoolean refused = new AtomicBoolean();
    private volatile TerminalSession session;

    /** @param socket the socket, decorated for sends from several threads */
    TerminalConnection(WebSocketSession socket, AuthenticatedUser user, UUID projectId) {
        this.socket = socket;
        this.user = user;
        this.projectId = projectId;
    }

    String id() { return socket.getId(); }
    AuthenticatedUser user() { return user; }
    UUID projectId() { return projectId; }
    TerminalSession session() { return session; }
    boolean refused() { return refused.get(); }

    /** Starts watching the shell (its recent output first), unless refused meanwhile. */
    void attach(TerminalSession shell) throws IOException {
        session = shell;
        shell.attach(socket);
        if (refused()) shell.detach(socket); // refused between the access check and now
    }

    void detach() {
        TerminalSession shell = session;
        if (shell != null) shell.detach(socket);
    }

    /** Sends a {@code {"type":"error"}} frame with {@code code}, then closes with {@code status} and the code as reason; once. */
    void refuse(CloseStatus status, String code, String detail) {
        if (!refused.compareAndSet(false, true)) return;
        detach();
        log.info("Terminal connection refused: {}", code);
        String frame = JSON.writeValueAsString(Map.of("type", "error", "code", code, "detail", detail));
        Thread.ofVirtual().name("terminal-refusal").start(() -> {
            try {
                socket.sendMessage(new TextMessage(frame));
                socket.close(status.withReason(code));
            } catch (IOException | IllegalStateException e) {
                closeQuietly(status.withReason(code)); // the frame could not go out; the close still must
            }
        });
    }

    /** A policy refusal (1008): the caller may no longer use this terminal. */
    void revoke(String code, String detail) {
        refuse(CloseStatus.POLICY_VIOLATION, code, detail);
    }

    private void closeQuietly(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | IllegalStateException ignored) {
            // already gone
        }
    }
}
