package dev.vaporform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that talk to the real server over a real socket: the requests
 * users (and curl) send, nothing mocked in between.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Request get(String path) { return new Request("GET", path, null); }
    public Request delete(String path) { return new Request("DELETE", path, null); }
    public Request post(String path, Object body) { return new Request("POST", path, body); }
    public Request patch(String path, Object body) { return new Request("PATCH", path, body); }
    public Request put(String path, Object body) { return new Request("PUT", path, body); }

    /** A request being built; {@link #send()} performs it. */
    public final class Request {
        private final String method;
        private final String path;
        private final Object body;
        private final List<String[]> headers = new ArrayList<>();
        private String contentType = "application/json";

        private Request(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Request bearer(String token) { return header("Authorization", "Bearer " + token); }
        public Request header(String name, String value) { headers.add(new String[]{name, value}); return this; }
        public Request contentType(String type) { this.contentType = type; return this; }

        public Response send() {
            return new Response(exchange(HttpResponse.BodyHandlers.ofString()));
        }

        /** Sends and keeps the body as bytes (file downloads, archives). */
        public HttpResponse<byte[]> sendForBytes() {
            return exchange(HttpResponse.BodyHandlers.ofByteArray());
        }

        /** Sends and reads the body line by line as it arrives (server-sent events); close the stream to hang up. */
        public HttpResponse<java.util.stream.Stream<String>> sendForLines() {
            return exchange(HttpResponse.BodyHandlers.ofLines());
        }

        private <T> HttpResponse<T> exchange(HttpResponse.BodyHandler<T> handler) {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(h -> builder.header(h[0], h[1]));
            if (body == null) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
                if (contentType != null) builder.header("Content-Type", contentType); // null: send none at all
                builder.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            try {
                return CLIENT.send(builder.build(), handler);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. */
    public record Response(HttpResponse<String> raw) {
        public int status() { return raw.statusCode(); }
        public String body() { return raw.body(); }
        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }
        public JsonNode json() { return JSON.readTree(raw.body()); }
        public String text(String field) { return json().path(field).asString(); }
        @Override public String toString() { return raw.statusCode() + " " + raw.body(); }
    }
}
