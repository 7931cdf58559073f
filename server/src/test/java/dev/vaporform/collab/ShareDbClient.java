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
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import dev.vaporform.support.Http;

import static org.awaitility.Awaitility.await;

/** A raw ShareDB-protocol client for tests: sends JSON frames, keeps every frame received. */
final class ShareDbClient implements WebSocket.Listener {

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;
    String src;

    static ShareDbClient connect(int port, String ticket) {
        ShareDbClient client = new ShareDbClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/collab?ticket=" + ticket), client).join();
        client.src = client.next(f -> "init".equals(f.path("a").asString())).path("id").asString();
        return client;
    }

    /** Connects with {@code Authorization: Bearer} on the upgrade, as non-browser clients may. */
    static ShareDbClient connectWithBearer(int port, String accessToken) {
        ShareDbClient client = new ShareDbClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + accessToken)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/collab"), client).join();
        client.src = client.next(f -> "init".equals(f.path("a").asString())).path("id").asString();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Http.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
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

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void send(Object frame) {
        send(Http.JSON.writeValueAsString(frame));
    }

    /** @return the first frame received that matches (waiting up to 10 s) */
    JsonNode next(Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().filter(match).findFirst().orElse(null), f -> f != null);
    }

    /** @return the frames that match, in arrival order */
    List<JsonNode> all(Predicate<JsonNode> match) {
        return new ArrayList<>(frames.stream().filter(match).toList());
    }

    static Predicate<JsonNode> action(String a) {
        return f -> a.equals(f.path("a").asString());
    }

    static Predicate<JsonNode> ack(String src, long seq) {
        return f -> "op".equals(f.path("a").asString()) && src.equals(f.path("src").asString()) && f.path("seq").asLong() == seq
                && !f.has("op") && !f.has("create") && !f.has("error");
    }

    /** A presence frame (not a refusal) with this presence id. */
    static Predicate<JsonNode> presenceOf(String id) {
        return f -> "p".equals(f.path("a").asString()) && id.equals(f.path("id").asString()) && !f.has("error");
    }

    static Predicate<JsonNode> error(String code) {
        return f -> code.equals(f.path("error").path("code").asString());
    }

    void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
