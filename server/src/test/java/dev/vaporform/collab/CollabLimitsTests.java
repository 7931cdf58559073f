package dev.vaporform.collab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vaporform.support.Users.Session;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static dev.vaporform.collab.ShareDbClient.error;
import static dev.vaporform.collab.ShareDbClient.presenceOf;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one client may take: floods and connection hoarding are cut off with an error frame and
 * close 1008; oversize presences, presences, documents and bulk requests beyond their bounds are
 * refused with an error frame, relayed to nobody, and the connection stays open.
 */
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

    @Test
    void rejectsAnOpThatWouldMakeTheDocumentLargerThanAFileMayBeButTakesEditsUpToTheLimit() {
        createProject("Big file");
        ShareDbClient a = connect(owner);
        JsonNode limits = a.next(action("init")).path("limits");
        assertThat(limits.path("maxMessageSize").asLong()).isEqualTo(1024 * 1024);
        int max = limits.path("maxDocumentSize").asInt();
        assertThat(max).as("the files module's max-file-size of the tests").isEqualTo(256 * 1024);
        a.send(create("big.txt", 1, ""));
        a.next(ack(a.src, 1));

        a.send(op("big.txt", 2, 1, List.of("x".repeat(200_000))));
        a.next(ack(a.src, 2));
        a.send(op("big.txt", 3, 2, List.of(200_000, "y".repeat(max - 200_000 + 1))));
        assertThat(a.next(error("ERR_DOC_TOO_LARGE")).path("seq").asInt()).isEqualTo(3);
        a.send(op("big.txt", 4, 2, List.of(200_000, "z".repeat(max - 200_000))));
        a.next(ack(a.src, 4));
        assertThat(a.closed).isNotDone();

        ShareDbClient b = connect(owner);
        b.send(subscribe("big.txt"));
        JsonNode snapshot = b.next(f -> "s".equals(f.path("a").asString()) && f.has("data"));
        assertThat(snapshot.path("data").path("data").asString()).hasSize(max).startsWith("x").endsWith("z").doesNotContain("y");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/api/projects/" + projectId + "/files/big.txt")
                .bearer(owner.accessToken()).send().body()).hasSize(max));
    }

    @Test
    void rejectsAViewersOversizePresenceWithAnErrorAndRelaysItToNobody() {
        createProject("Big presence");
        ShareDbClient a = connect(owner);
        a.send(create("p.txt", 1, "hello"));
        a.next(ack(a.src, 1));
        ShareDbClient watcher = presenceListener(owner, "p.txt");
        Session viewer = member("viewer");
        ShareDbClient sender = connect(viewer);

        sender.send(presence(viewer.id() + ".big", "p.txt", List.of(1, 2, "x".repeat(5_000)), 0));
        JsonNode refused = sender.next(error("ERR_PRESENCE_TOO_LARGE"));
        assertThat(refused.has("p")).as("the value is not echoed back").isFalse();

        // the connection stays open, and its next (small) presence is the first the others get
        sender.send(presence(viewer.id() + ".small", "p.txt", List.of(1, 2), 0));
        watcher.next(presenceOf(viewer.id() + ".small"));
        assertThat(watcher.all(presenceOf(viewer.id() + ".big"))).as("the oversize presence went to nobody").isEmpty();
        assertThat(sender.closed).isNotDone();
    }

    @Test
    void rejectsPresencesBeyondThePerConnectionLimitAndRelaysNoneOfThem() {
        createProject("Many cursors");
        ShareDbClient a = connect(owner);
        a.send(create("p.txt", 1, "hello"));
        a.next(ack(a.src, 1));
        ShareDbClient watcher = presenceListener(owner, "p.txt");
        String id = owner.id() + ".cursor-";

        for (int i = 0; i < 50; i++) a.send(presence(id + i, "p.txt", List.of(1, 1), 0));
        watcher.next(presenceOf(id + 49));
        a.send(presence(id + 50, "p.txt", List.of(1, 1), 0));
        assertThat(a.next(error("ERR_TOO_MANY_PRESENCES")).path("id").asString()).isEqualTo(id + 50);

        // clearing one makes room for another
        a.send(presence(id + 0, "p.txt", null, 1));
        a.send(presence(id + 51, "p.txt", List.of(2, 2), 0));
        watcher.next(presenceOf(id + 51));
        assertThat(watcher.all(presenceOf(id + 50))).as("the refused presence went to nobody").isEmpty();
        assertThat(watcher.all(action("p"))).as("50 presences, one cleared, one more").hasSize(52);
        assertThat(a.all(error("ERR_TOO_MANY_PRESENCES"))).hasSize(1);
    }

    @Test
    void rejectsABulkSubscribeOfThirtyThousandDocumentsAtOnceWithoutLoadingThem() {
        createProject("Bulk");
        ShareDbClient a = connect(owner);
        double liveBefore = liveDocuments();
        List<String> ids = IntStream.range(0, 30_000).mapToObj(i -> "many/f" + i + ".txt").toList();

        long started = System.nanoTime();
        a.send(Map.of("a", "bs", "c", projectId.toString(), "b", ids));
        a.next(error("ERR_BULK_TOO_LARGE"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once").isLessThan(Duration.ofSeconds(3));
        assertThat(liveDocuments()).as("no document was loaded").isLessThanOrEqualTo(liveBefore);
        a.send(Map.of("a", "pp"));
        a.next(action("pp"));
        assertThat(a.closed).isNotDone();
    }

    @Test
    void rejectsSubscriptionsBeyondThePerConnectionLimitButTakesAReconnectsBulkOfThemAll() {
        createProject("Hoarding documents");
        ShareDbClient a = connect(owner);
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "d/f" + i + ".txt").toList();

        // what the sharedb client sends after a reconnect: every document it holds, in one bs
        a.send(Map.of("a", "bs", "c", projectId.toString(), "b", ids));
        JsonNode subscribed = a.next(action("bs"));
        assertThat(subscribed.has("error")).as(subscribed.toString()).isFalse();
        assertThat(subscribed.path("data").size()).isEqualTo(500);

        a.send(subscribe("d/one-more.txt"));
        assertThat(a.next(error("ERR_TOO_MANY_SUBSCRIPTIONS")).path("d").asString()).isEqualTo("d/one-more.txt");
        a.send(Map.of("a", "ps", "ch", projectId + ".d/another.txt", "seq", 7));
        assertThat(a.next(f -> f.path("seq").asInt() == 7 && f.has("error")).path("error").path("code").asString())
                .as("listening to a document's presence holds it too").isEqualTo("ERR_TOO_MANY_SUBSCRIPTIONS");

        // letting one go makes room
        a.send(Map.of("a", "u", "c", projectId.toString(), "d", "d/f0.txt"));
        a.next(action("u"));
        a.send(subscribe("d/one-more.txt"));
        a.next(f -> "s".equals(f.path("a").asString()) && "d/one-more.txt".equals(f.path("d").asString()) && !f.has("error"));
        assertThat(a.all(error("ERR_TOO_MANY_SUBSCRIPTIONS"))).hasSize(2);
        assertThat(a.closed).isNotDone();
    }
}
