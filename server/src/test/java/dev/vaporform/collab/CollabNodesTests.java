package dev.vaporform.collab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Users;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes over one PostgreSQL and a real Redis (embedded-redis runs the redis-server binary its
 * jar ships): ShareDB clients on different nodes typing into one document at once race for
 * versions, every acked op lands once, and both nodes and all clients converge; presence and
 * project events cross nodes too. The nodes are child JVMs sharing a fresh database in the test
 * context's embedded PostgreSQL and a data directory's keys, projects and blobs.
 */
class CollabNodesTests extends NodesTestSupport {

    private static final String PATH = "shared.txt";

    @Test
    void clientsOnTwoNodesTypingAtOnceConvergeWithEveryAckedOpOnce() throws Exception {
        typeOnTwoNodesAtOnce(false);
    }

    /**
     * An op at the current version (ShareDB's {@code v: null}) that loses a commit race is
     * retried at the new current version: once, so its text appears once and it is acked once,
     * however many races it loses.
     */
    @Test
    void opsAtTheCurrentVersionThatLoseCommitRacesAreAppliedAndAckedOnce() throws Exception {
        typeOnTwoNodesAtOnce(true);
    }

    private void typeOnTwoNodesAtOnce(boolean atCurrentVersion) throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env);
        ChildServer b = cluster.node("b", env); // after a: a made the signing key both share
        Users.Session owner = new Users(a.http()).register(uniqueEmail("nodes-owner"));
        String collection = a.http().post("/api/projects", Map.of("name", "Nodes")).bearer(owner.accessToken()).send().text("id");
        ShareDbClient creator = ShareDbClient.connectWithBearer(a.port(), owner.accessToken());
        creator.send(Map.of("a", "op", "c", collection, "d", PATH, "seq", 1, "create", Map.of("type", TEXT_UNICODE, "data", "|")));
        creator.next(ack(creator.src, 1));

        List<Typist> typists = List.of(typist("a", a, owner, collection), typist("b", b, owner, collection));
        typists.forEach(t -> t.atCurrentVersion = atCurrentVersion);
        List<Thread> threads = typists.stream().map(t -> Thread.ofVirtual().start(() -> typeUntil(t, 60))).toList();
        for (Thread t : threads) t.join(Duration.ofSeconds(120));

        String text = awaitSameSnapshot(a, b, owner, collection);
        int acked = typists.stream().mapToInt(t -> t.acked.size()).sum();
        assertThat(acked).isEqualTo(120);
        assertThat(text.codePointCount(0, text.length())).isEqualTo(1 + typists.stream()
                .flatMap(t -> t.acked.stream()).mapToInt(op -> op.token().length()).sum());
        for (Typist typist : typists) {
            for (Typist.Acked op : typist.acked) {
                assertThat(text.split(java.util.regex.Pattern.quote(op.token()), -1)).as("%s once", op.token()).hasSize(2);
            }
            for (Typist.Acked op : typist.acked) {
                assertThat(typist.client.all(ack(op.src(), op.seq()))).as("%s acked once", op.token()).hasSize(1);
            }
            // subscribed at version 1: every later version reaches each client, as an op or as its own ack
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(typist.client.all(f -> f.has("op")).size() + typist.acked.size()).as(typist.name).isEqualTo(acked));
        }
    }

    @Test
    void presenceAndProjectEventsCrossNodes() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env);
        ChildServer b = cluster.node("b", env);
        Users.Session owner = new Users(a.http()).register(uniqueEmail("nodes-owner"));
        String collection = a.http().post("/api/projects", Map.of("name", "Nodes")).bearer(owner.accessToken()).send().text("id");
        Typist onA = typist("a", a, owner, collection);
        ShareDbClient creator = onA.client;
        creator.send(Map.of("a", "op", "c", collection, "d", "p.txt", "seq", 1, "create", Map.of("type", TEXT_UNICODE, "data", "hello")));
        creator.next(ack(creator.src, 1));
        ShareDbClient listener = ShareDbClient.connectWithBearer(b.port(), owner.accessToken());
        String channel = collection + ".p.txt";
        listener.send(Map.of("a", "ps", "ch", channel, "seq", 1));
        listener.next(action("ps"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            creator.send(Map.of("a", "p", "ch", channel, "id", owner.id() + ".cursor", "p", List.of(1, 2), "pv", 0, "c", collection, "d", "p.txt",
                    "v", 1, "t", TEXT_UNICODE));
            assertThat(listener.all(action("p"))).as("a presence from node a reached node b").isNotEmpty();
        });

        EventsClient watcher = EventsClient.connect(a.port(), a.http().post("/api/realtime/tickets", null).bearer(owner.accessToken()).send().text("ticket"));
        watcher.send(Map.of("type", "subscribe", "projectId", collection));
        watcher.next(EventsClient.type("subscribed"));
        Users.Session viewer = new Users(b.http()).register(uniqueEmail("nodes-viewer"));
        a.http().post("/api/projects/" + collection + "/collaborators", Map.of("email", viewer.email(), "role", "viewer"))
                .bearer(owner.accessToken()).send();
        EventsClient chatter = EventsClient.connect(b.port(), b.http().post("/api/realtime/tickets", null).bearer(viewer.accessToken()).send().text("ticket"));
        chatter.send(Map.of("type", "subscribe", "projectId", collection));
        assertThat(chatter.next(EventsClient.type("subscribed")).path("participants").findValuesAsString("userId"))
                .as("the roster spans nodes").contains(owner.id().toString(), viewer.id().toString());
        assertThat(watcher.next(EventsClient.type("participant.joined")).path("userId").asString()).isEqualTo(viewer.id().toString());
        chatter.send(Map.of("type", "chat", "projectId", collection, "text", "from node b"));
        assertThat(watcher.next(EventsClient.type("chat.message")).path("text").asString()).isEqualTo("from node b");
    }

    private Typist typist(String name, ChildServer node, Users.Session owner, String collection) {
        ShareDbClient client = ShareDbClient.connectWithBearer(node.port(), owner.accessToken());
        cluster.closeLater(client::close);
        client.send(Map.of("a", "s", "c", collection, "d", PATH));
        long version = client.next(action("s")).path("data").path("v").asLong();
        return new Typist(name, client, collection, PATH, version);
    }

    private static void typeUntil(Typist typist, int ops) {
        typist.maxOps = ops;
        typist.run();
    }

    private String awaitSameSnapshot(ChildServer a, ChildServer b, Users.Session owner, String collection) {
        String[] texts = new String[2];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            texts[0] = snapshot(a, owner, collection);
            texts[1] = snapshot(b, owner, collection);
            assertThat(texts[1]).isEqualTo(texts[0]);
        });
        return texts[0];
    }

    private String snapshot(ChildServer node, Users.Session owner, String collection) {
        ShareDbClient reader = ShareDbClient.connectWithBearer(node.port(), owner.accessToken());
        reader.send(Map.of("a", "f", "c", collection, "d", PATH));
        String text = reader.next(action("f")).path("data").path("data").asString();
        reader.close();
        return text;
    }
}
