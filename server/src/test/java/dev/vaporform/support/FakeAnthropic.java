package dev.vaporform.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Anthropic's Messages API ({@code POST /v1/messages}), speaking its real wire
 * protocol: a streamed answer is {@code message_start}, {@code content_block_start}, {@code ping},
 * {@code content_block_delta}…, {@code content_block_stop}, {@code message_delta} with usage and
 * {@code message_stop}; errors are {@code {"type":"error","error":{type,message}}} with the real
 * statuses (429 with {@code retry-after}, 529 overloaded, 402 billing), and a mid-stream
 * {@code error} event. Tests queue what the next calls get; without a queued reply a call gets a
 * short default answer. Every request is recorded, and so is a caller that hung up mid-answer.
 */
public final class FakeAnthropic {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakeAnthropic instance;

    /** What one call gets. */
    public sealed interface Reply permits Stream, Failure, Hang {}

    /**
     * A streamed answer.
     *
     * @param chunks       the text deltas
     * @param every        the pause before each delta
     * @param errorAfter   when not null, an {@code error} event of this type follows the deltas instead of the end
     * @param silenceFirst pings (no text) for this long before the first delta: a stalled model
     */
    public record Stream(List<String> chunks, Duration every, long inputTokens, long outputTokens,
                         String errorAfter, Duration silenceFirst) implements Reply {}

    /** No answer at all (not even headers) for this long: a provider that stalls. */
    public record Hang(Duration pause) implements Reply {}

    /** An HTTP error answer. */
    public record Failure(int status, String type, Map<String, String> headers) implements Reply {}

    /** A recorded request: its headers and JSON body. */
    public record Request(Map<String, List<String>> headers, JsonNode body) {
        /** @return every text the request carries: system prompt and message contents */
        public String allText() {
            StringBuilder out = new StringBuilder(body.path("system").toString());
            for (JsonNode message : body.path("messages")) out.append('\n').append(message.path("content").toString());
            return out.toString();
        }

        public String lastUserText() {
            JsonNode messages = body.path("messages");
            JsonNode content = messages.get(messages.size() - 1).path("content");
            return content.isString() ? content.asString() : content.toString();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger hangUps = new AtomicInteger();

    private FakeAnthropic() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/messages", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** @return the one fake of this test JVM, started on first use */
    public static synchronized FakeAnthropic get() {
        if (instance == null) {
            try {
                instance = new FakeAnthropic();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
    }

    /** Forgets queued replies (a test that failed half-way must not leak them into the next). */
    public void reset() {
        queue.clear();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** @return how many streamed answers the caller closed before their end */
    public int hangUps() {
        return hangUps.get();
    }

    public static Stream answer(String... chunks) {
        return new Stream(List.of(chunks), Duration.ZERO, 25, 40, null, Duration.ZERO);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, new Failure(405, "invalid_request_error", Map.of()));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            String bearer = exchange.getRequestHeaders().getFirst("authorization");
            if ((key == null || key.isBlank()) && (bearer == null || bearer.isBlank())) {
                error(exchange, new Failure(401, "authentication_error", Map.of()));
                return;
            }
            Reply reply = queue.poll();
            if (reply == null) reply = answer("Nothing to change.");
            switch (reply) {
                case Failure f -> error(exchange, f);
                case Stream s -> stream(exchange, s, body.path("model").asString());
                case Hang h -> sleep(h.pause());
            }
        }
    }

    private static void error(HttpExchange exchange, Failure f) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Map.of("type", "error",
                "error", Map.of("type", f.type(), "message", "Fake " + f.type()), "request_id", "req_fake"));
        f.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.getResponseHeaders().add("request-id", "req_fake");
        exchange.sendResponseHeaders(f.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange, Stream s, String model) throws IOException {
        exchange.getResponseHeaders().add("content-type", "text/event-stream");
        exchange.getResponseHeaders().add("request-id", "req_fake");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            event(out, "message_start", Map.of("type", "message_start", "message", Map.of(
                    "id", "msg_fake", "type", "message", "role", "assistant", "content", List.of(), "model", model,
                    "usage", Map.of("input_tokens", s.inputTokens(), "output_tokens", 1))));
            event(out, "content_block_start", Map.of("type", "content_block_start", "index", 0,
                    "content_block", Map.of("type", "text", "text", "")));
            event(out, "ping", Map.of("type", "ping"));
            long silentUntil = System.nanoTime() + s.silenceFirst().toNanos();
            while (System.nanoTime() < silentUntil) {
                sleep(Duration.ofMillis(100));
                event(out, "ping", Map.of("type", "ping"));
            }
            for (String chunk : s.chunks()) {
                sleep(s.every());
                event(out, "content_block_delta", Map.of("type", "content_block_delta", "index", 0,
                        "delta", Map.of("type", "text_delta", "text", chunk)));
            }
            if (s.errorAfter() != null) {
                event(out, "error", Map.of("type", "error", "error", Map.of("type", s.errorAfter(), "message", "Fake " + s.errorAfter())));
                return;
            }
            event(out, "content_block_stop", Map.of("type", "content_block_stop", "index", 0));
            event(out, "message_delta", Map.of("type", "message_delta",
                    "delta", Map.of("stop_reason", "end_turn"), "usage", Map.of("output_tokens", s.outputTokens())));
            event(out, "message_stop", Map.of("type", "message_stop"));
        } catch (IOException hungUp) {
            hangUps.incrementAndGet();
        }
    }

    private static void event(OutputStream out, String name, Object data) throws IOException {
        out.write(("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
