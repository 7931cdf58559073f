package dev.vaporform.collab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases 36 and 37: the upgrade to /ws/collab is refused before any handler runs. */
class CollabHandshakeTests extends CollabTestSupport {

    @Test
    void rejectsForeignOriginsMissingSpentAndUnknownTickets() {
        createProject("Handshake refusals");
        String base = "ws://localhost:" + port + "/ws/collab";
        assertThat(status(base, null)).isEqualTo(401);
        String ticket = ticket(owner);
        ShareDbClient.connect(port, ticket).close();
        assertThat(status(base + "?ticket=" + ticket, null)).as("a ticket works once").isEqualTo(401);
        assertThat(status(base + "?ticket=made-up", null)).isEqualTo(401);
        for (String origin : new String[]{"https://evil.example", "https://app.example.com.evil.com", "https://evilapp.example.com", "null"}) {
            assertThat(status(base + "?ticket=" + ticket(owner), origin)).as(origin).isEqualTo(403);
        }
    }

    private static int status(String uri, String origin) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) builder.header("Origin", origin);
        try {
            builder.buildAsync(URI.create(uri), new ShareDbClient()).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) return refused.getResponse().statusCode();
            throw e;
        }
    }
}
