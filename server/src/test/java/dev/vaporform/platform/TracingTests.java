package dev.vaporform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vaporform.support.FakeCollector;
import dev.vaporform.support.FakeAnthropic;
import dev.vaporform.support.IntegrationTest;

/**
 * Traces: a request that arrives with a W3C {@code traceparent} continues that trace; its spans
 * (the HTTP request, its database queries, the AI call) reach an OTLP collector, and the log lines
 * of the request carry the trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTests extends IntegrationTest {

    @Test
    void aRequestsSpansAreExportedUnderTheCallersTraceAndItsLogsNameIt(CapturedOutput output) {
        var session = users.register(uniqueEmail("traced"));
        String project = http.post("/api/projects", Map.of("name", "Traced")).bearer(session.accessToken()).send().text("id");
        String traceId = java.util.UUID.randomUUID().toString().replace("-", ""); // 32 hex digits, as W3C wants

        var response = http.post("/api/projects/" + project + "/ai/generate", Map.of("prompt", "Hello"))
                .bearer(session.accessToken()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(FakeAnthropic.get().requests()).isNotEmpty();

        byte[] id = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            byte[] exported = FakeCollector.get().received();
            assertThat(indexOf(exported, id)).as("a span of the caller's trace was exported").isGreaterThanOrEqualTo(0);
            String text = new String(exported, StandardCharsets.ISO_8859_1);
            assertThat(text).contains("vaporform.ai.call").contains("http post").contains("jdbc");
        });
        assertThat(output.getAll()).contains(traceId);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
