package dev.vaporform.collab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import dev.vaporform.support.Http;

import static org.awaitility.Awaitility.await;

/** A test client of /ws/events: sends JSON frames, keeps every frame received. */
final class EventsClient implements WebSocket.Listener {

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;
    /** Reads nothing more, so answers no ping: a client whose network went silently away. */
    private volatile boolean silent;

    static EventsClient connect(int port, String ticket) {
        EventsClient client = new EventsClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/events?ticket=" + ticket), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Http.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        if (!silent) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        if (!silent) webSocket.request(1); // the implementation answers this one; later pings are never read
        return null;
    }

    void goSilent() {
        silent = true;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    void send(Object frame) {
        socket.sendText(frame instanceof String s ? s : Http.JSON.writeValueAsString(frame), true).join();
    }

    /** @return the first frame received that matches (waiting up to 10 s) */
    JsonNode next(Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().filter(match).findFirst().orElse(null), f -> f != null);
    }

    List<JsonNode> all(Predicate<JsonNode> match) {
        return new ArrayList<>(frames.stream().filter(match).toList());
    }

    int closeCode() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    static Predicate<JsonNode> type(String type) {
        return f -> type.equals(f.path("type").asString());
    }

    void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
