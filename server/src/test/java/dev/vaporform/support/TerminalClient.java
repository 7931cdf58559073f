package dev.vaporform.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A test client of {@code /ws/terminal}, as a browser (or a script with an API token's ticket)
 * would be: everything the server sent, and how the server closed the socket.
 */
public final class TerminalClient implements WebSocket.Listener {

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {}

    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens {@code /ws/terminal} on {@code port} for a session of the project's shell, with a ticket. */
    public static TerminalClient connect(int port, String projectId, UUID session, String ticket) {
        TerminalClient client = new TerminalClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/terminal?project=" + projectId + "&session=" + session
                        + "&ticket=" + ticket), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        output.append(data);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, error.toString()));
    }

    /** Sends keystrokes; quietly does nothing once the socket is closed (the input is lost either way). */
    public void type(String text) {
        try {
            socket.sendText("{\"type\":\"input\",\"data\":" + Http.JSON.writeValueAsString(text) + "}", true).join();
        } catch (RuntimeException closedAlready) {
            // an attacker's client would not care either: what matters is whether the shell ran it
        }
    }

    /** @return everything received so far: the shell's output and any error frame */
    public String output() {
        return output.toString();
    }

    /** Waits until the output contains {@code text}. */
    public void awaitOutput(String text) {
        await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains(text));
    }

    /** @return how the server closed the socket, waiting up to {@code within} */
    public Closed closedWithin(Duration within) {
        return closed.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
