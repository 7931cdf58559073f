package dev.vaporform.containers.terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One interactive shell in a workspace (a {@code docker exec} with a TTY) and the browsers
 * watching it. Output goes to every viewer and into a bounded replay buffer, so a browser that
 * reconnects with the same session id sees what it missed; the shell outlives its viewers.
 */
final class TerminalSession {

    private final UUID projectId;
    private final UUID id;
    private final String execId;
    private final OutputStream stdin;
    private final StringBuilder replay = new StringBuilder();
    private final int replayLimit;
    private final List<WebSocketSession> viewers = new CopyOnWriteArrayList<>();
    // The TTY's bytes may split a UTF-8 character across frames: decode with state.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private volatile boolean ended;

    TerminalSession(UUID projectId, UUID id, String execId, OutputStream stdin, int replayLimit) {
        this.projectId = projectId;
        this.id = id;
        this.execId = execId;
        this.stdin = stdin;
        this.replayLimit = replayLimit;
    }

    UUID projectId() { return projectId; }
    UUID id() { return id; }
    String execId() { return execId; }
    boolean ended() { return ended; }
    int viewerCount() { return viewers.size(); }

    /** Adds a viewer and sends it the recent output first. */
    synchronized void attach(WebSocketSession viewer) throws IOException {
        if (!replay.isEmpty()) viewer.sendMessage(new TextMessage(replay.toString()));
        viewers.add(viewer);
    }

    void detach(WebSocketSession viewer) {
        viewers.remove(viewer);
    }

    void input(String data) throws IOException {
        stdin.write(data.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Called with each chunk of the shell's output. */
    synchronized void output(byte[] bytes) {
        String text = decode(bytes);
        if (text.isEmpty()) return;
        replay.append(text);
        if (replay.length() > replayLimit) replay.delete(0, replay.length() - replayLimit);
        for (WebSocketSession viewer : viewers) send(viewer, text);
    }

    /** The shell exited: tell every viewer and let them go. */
    void end(String reason) {
        ended = true;
        for (WebSocketSession viewer : viewers) {
            try {
                viewer.close(CloseStatus.NORMAL.withReason(reason));
            } catch (IOException ignored) {
                // already gone
            }
        }
        viewers.clear();
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the exec is over
        }
    }

    private String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length).put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    private void send(WebSocketSession viewer, String text) {
        try {
            viewer.sendMessage(new TextMessage(text));
        } catch (IOException | IllegalStateException e) {
            viewers.remove(viewer); // a slow or closed viewer must not stall the shell
        }
    }
}
