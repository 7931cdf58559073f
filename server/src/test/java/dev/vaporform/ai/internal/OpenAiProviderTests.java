package dev.vaporform.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.vaporform.ai.internal.provider.ModelRequest;
import dev.vaporform.ai.internal.provider.OpenAiProvider;
import dev.vaporform.ai.internal.provider.ProviderFailure;

/**
 * The OpenAI-compatible provider against a local server speaking the chat completions stream
 * (as Ollama, vLLM and llama.cpp's server do): text chunks, usage in the last chunk, {@code [DONE]}.
 */
class OpenAiProviderTests {

    private HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (status != 200) {
                    byte[] error = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\",\"code\":null}}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    exchange.getResponseHeaders().add("retry-after", "7");
                    exchange.sendResponseHeaders(status, error.length);
                    exchange.getResponseBody().write(error);
                    return;
                }
                exchange.getResponseHeaders().add("content-type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                var out = exchange.getResponseBody();
                for (String piece : List.of("Hel", "lo 😀")) {
                    out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                            + piece + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OpenAiProvider provider() {
        return new OpenAiProvider("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "", "qwen2.5-coder",
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void streamsTextAndReportsUsage() {
        StringBuilder text = new StringBuilder();
        var usage = provider().open(new ModelRequest("be brief", List.of(new ModelRequest.Turn(ModelRequest.Role.user, "hi")), 100)).read(text::append);
        assertThat(text).hasToString("Hello 😀");
        assertThat(usage.inputTokens()).isEqualTo(12);
        assertThat(usage.outputTokens()).isEqualTo(3);
        assertThat(requestBody.get()).contains("\"model\":\"qwen2.5-coder\"").contains("\"stream\":true").contains("include_usage")
                .contains("be brief");
    }

    @Test
    void aRateLimitIsRetryableWithTheServersRetryAfter() {
        status = 429;
        assertThatThrownBy(() -> provider().open(new ModelRequest("s", List.of(new ModelRequest.Turn(ModelRequest.Role.user, "hi")), 100)))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }
}
