package dev.vaporform.collab;

import static dev.vaporform.collab.ShareDbClient.ack;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The product's own metrics on {@code /actuator/prometheus} (the management port): open sockets, ops committed and their latency, live documents, AI tokens. */
class ProductMetricsTests extends CollabTestSupport {

    @Test
    void socketsOpsAndAiTokensAreCounted() {
        createProject("Metrics");
        double opsBefore = value(scrape(), "vaporform_collab_ops_committed_total");
        ShareDbClient client = connect(owner);
        client.send(create("m.txt", 1, "a"));
        client.next(ack(client.src, 1));
        client.send(op("m.txt", 2, 1, List.of(1, "b")));
        client.next(ack(client.src, 2));
        http.post("/api/projects/" + projectId + "/ai/generate", Map.of("prompt", "Hello")).bearer(owner.accessToken()).send();

        String metrics = scrape();

        assertThat(value(metrics, "vaporform_websocket_sessions\\{endpoint=\"collab\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "vaporform_collab_ops_committed_total")).isGreaterThanOrEqualTo(opsBefore + 2);
        assertThat(metrics).contains("vaporform_collab_op_commit_seconds_bucket");
        assertThat(value(metrics, "vaporform_collab_documents_live")).as("m.txt is live").isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "vaporform_ai_tokens_total\\{direction=\"output\",provider=\"anthropic\"")).isGreaterThan(0);
        client.close();
    }

    private String scrape() {
        var response = management().get("/actuator/prometheus").send();
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** @return the sample's value (the first series matching the name and leading labels), 0 when absent */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "[^ ]* ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
