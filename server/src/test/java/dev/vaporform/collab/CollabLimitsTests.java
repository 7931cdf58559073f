package dev.vaporform.collab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static dev.vaporform.collab.ShareDbClient.action;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Case 44: floods and connection hoarding are cut off with an error frame and close 1008. */
class CollabLimitsTests extends CollabTestSupport {

    @Test
    void rejectsAFloodOfMessagesWithPolicyClose() {
        createProject("Flood");
        ShareDbClient flooder = connect(owner);
        ShareDbClient calm = connect(owner);
        String ping = "{\"a\":\"pp\"}";
        for (int i = 0; i < 1000 && !flooder.closed.isDone(); i++) {
            try {
                flooder.socket.sendText(ping, true).join();
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        assertThat(flooder.closed.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(1008);
        assertThat(flooder.all(f -> "rate-limited".equals(f.path("error").path("code").asString()))).hasSize(1);
        calm.send(Map.of("a", "pp"));
        calm.next(action("pp"));
    }

    @Test
    void rejectsConnectionsBeyondThePerUserLimit() {
        createProject("Hoarding");
        List<ShareDbClient> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) open.add(ShareDbClient.connect(port, ticket(owner)));
        ShareDbClient extra = new ShareDbClient();
        extra.socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://localhost:" + port + "/ws/collab?ticket=" + ticket(owner)), extra).join();
        assertThat(extra.closed.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(1008);
        assertThat(extra.all(f -> "too-many-connections".equals(f.path("error").path("code").asString()))).hasSize(1);

        // Closing one gives its place back: the user's next connection is accepted.
        ShareDbClient leaving = open.removeFirst();
        leaving.close();
        leaving.closed.orTimeout(10, TimeUnit.SECONDS).join();
        ShareDbClient again = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> ShareDbClient.connect(port, ticket(owner)), client -> client != null);
        open.add(again);
        again.send(Map.of("a", "pp"));
        again.next(action("pp"));
        open.forEach(ShareDbClient::close);
    }
}
