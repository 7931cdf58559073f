package dev.vaporform.collab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantees 1–3 across a crash: a server killed with SIGKILL while clients type is started
 * again on the same data; every acknowledged op is in the op log and the text, versions have no
 * gap, and each client that resends the op it had in flight gets it applied exactly once.
 */
class CollabCrashRecoveryTests {

    private static final String PATH = "crash.txt";

    @Test
    void everyAcknowledgedOpSurvivesAKillAndResentOpsApplyOnce(@TempDir Path home) throws Exception {
        List<Typist> typists = new ArrayList<>();
        Users.Session owner;
        String collection;
        try (ChildServer first = ChildServer.start(home, "crash-before", Map.of())) {
            owner = new Users(first.http()).register("crash-owner@vaporform.test");
            collection = createProject(first.http(), owner);
            long version = createDocument(first.port(), owner, collection);
            for (int i = 0; i < 3; i++) typists.add(subscribedTypist("t" + i, first.port(), owner, collection, version));
            List<Thread> threads = typists.stream().map(t -> Thread.ofVirtual().start(t)).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> typists.stream().mapToInt(t -> t.acked.size()).sum() >= 150);
            first.kill(); // mid-typing: each typist has an op in flight
            for (Thread t : threads) t.join(Duration.ofSeconds(30));
        }
        assertThat(typists).as("ops were in flight at the kill").anyMatch(t -> t.inFlight != null);

        try (ChildServer second = ChildServer.start(home, "crash-after", Map.of())) {
            for (Typist typist : typists) resend(typist, second.port(), owner);
            List<JsonNode> log = opLog(second.port(), owner, collection);
            assertGapFree(log);
            String text = replay(log);
            assertThat(snapshot(second.port(), owner, collection)).isEqualTo(text);
            assertEveryAckedOpOnce(typists, log, text);
        }
    }

    @Test
    void filesHoldEveryAcknowledgedOpOnceTheRestartedNodeIsReadyWithoutOpeningTheDocument(@TempDir Path home) {
        Users.Session owner;
        String collection;
        // a long write-back delay: the kill comes before any write-back, deterministically
        String[] slowWriteBack = {"--vaporform.collab.write-back-delay=30s", "--vaporform.collab.write-back-max-delay=60s"};
        try (ChildServer first = ChildServer.start(home, "lag-before", Map.of(), slowWriteBack)) {
            owner = new Users(first.http()).register("lag-owner@vaporform.test");
            collection = createProject(first.http(), owner);
            var put = first.http().put("/api/projects/" + collection + "/files/" + PATH, "|end")
                    .contentType("text/plain").bearer(owner.accessToken()).send();
            assertThat(put.status()).as(put.toString()).isEqualTo(201);
            ShareDbClient typist = ShareDbClient.connectWithBearer(first.port(), owner.accessToken());
            typist.send(Map.of("a", "op", "c", collection, "d", PATH, "seq", 1, "v", 1, "op", List.of("zanzibar ")));
            typist.next(ack(typist.src, 1));
            typist.send(Map.of("a", "op", "c", collection, "d", PATH, "seq", 2, "v", 2, "op", List.of("quokka ")));
            typist.next(ack(typist.src, 2));
            first.kill();
        }

        try (ChildServer second = ChildServer.start(home, "lag-after", Map.of(), slowWriteBack)) {
            Http http = second.http();
            await().atMost(Duration.ofSeconds(90)).until(() -> http.get("/actuator/health/readiness").send().status() == 200);
            var file = http.get("/api/projects/" + collection + "/files/" + PATH).bearer(owner.accessToken()).send();
            assertThat(file.status()).as(file.toString()).isEqualTo(200);
            assertThat(file.body()).isEqualTo("quokka zanzibar |end");
            var found = http.get("/api/projects/" + collection + "/search?q=zanzibar").bearer(owner.accessToken()).send();
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.body()).as("search finds a word typed before the crash").contains(PATH);
        }
    }

    private static String createProject(Http http, Users.Session owner) {
        var response = http.post("/api/projects", Map.of("name", "Crash")).bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id")).toString();
    }

    private static long createDocument(int port, Users.Session owner, String collection) {
        ShareDbClient creator = ShareDbClient.connectWithBearer(port, owner.accessToken());
        creator.send(Map.of("a", "op", "c", collection, "d", PATH, "seq", 1,
                "create", Map.of("type", CollabTestSupport.TEXT_UNICODE, "data", "|end")));
        creator.next(ack(creator.src, 1));
        creator.close();
        return 1;
    }

    private static Typist subscribedTypist(String name, int port, Users.Session owner, String collection, long version) {
        ShareDbClient client = ShareDbClient.connectWithBearer(port, owner.accessToken());
        client.send(Map.of("a", "s", "c", collection, "d", PATH, "v", version));
        client.next(action("s"));
        return new Typist(name, client, collection, PATH, version);
    }

    /** Reconnects as ShareDB's client does: hs with the old id, subscribe from the known version, resend. */
    private static void resend(Typist typist, int port, Users.Session owner) {
        String src = typist.client.src;
        ShareDbClient again = ShareDbClient.connectWithBearer(port, owner.accessToken());
        again.send(Map.of("a", "hs", "id", src, "protocol", 1, "protocolMinor", 2));
        assertThat(again.next(action("hs")).path("id").asString()).as("the previous id is honoured after a restart").isEqualTo(src);
        again.send(Map.of("a", "s", "c", typist.collection, "d", PATH, "v", typist.version()));
        again.next(action("s"));
        if (typist.inFlight == null) return;
        again.send(typist.frame(typist.inFlight));
        JsonNode acked = again.next(ack(src, typist.inFlight.seq()));
        typist.acked.add(new Typist.Acked(src, typist.inFlight.seq(), acked.path("v").asLong(), typist.inFlight.token()));
        again.close();
    }

    /** Every op from version 0, as a client that fetches from version 0 receives them. */
    private static List<JsonNode> opLog(int port, Users.Session owner, String collection) {
        ShareDbClient reader = ShareDbClient.connectWithBearer(port, owner.accessToken());
        reader.send(Map.of("a", "f", "c", collection, "d", PATH, "v", 0));
        reader.next(f -> "f".equals(f.path("a").asString()) && !f.has("error"));
        List<JsonNode> ops = reader.all(f -> f.has("op") || f.has("create"));
        reader.close();
        return ops;
    }

    private static String snapshot(int port, Users.Session owner, String collection) {
        ShareDbClient reader = ShareDbClient.connectWithBearer(port, owner.accessToken());
        reader.send(Map.of("a", "f", "c", collection, "d", PATH));
        String text = reader.next(action("f")).path("data").path("data").asString();
        reader.close();
        return text;
    }

    private static void assertGapFree(List<JsonNode> log) {
        for (int i = 0; i < log.size(); i++) assertThat(log.get(i).path("v").asLong()).as("op %d", i).isEqualTo(i);
    }

    private static String replay(List<JsonNode> log) {
        Document doc = Document.of(log.getFirst().path("create").path("data").asString());
        for (JsonNode op : log.subList(1, log.size())) {
            doc = doc.apply(Op.fromJsonValue(Http.JSON.treeToValue(op.get("op"), Object.class)));
        }
        return doc.toString();
    }

    private static void assertEveryAckedOpOnce(List<Typist> typists, List<JsonNode> log, String text) {
        Map<String, JsonNode> bySrcSeq = new HashMap<>();
        for (JsonNode op : log) {
            JsonNode previous = bySrcSeq.put(op.path("src").asString() + "/" + op.path("seq").asLong(), op);
            assertThat(previous).as("(src, seq) applied once: %s", op).isNull();
        }
        for (Typist typist : typists) {
            for (Typist.Acked acked : typist.acked) {
                JsonNode stored = bySrcSeq.get(acked.src() + "/" + acked.seq());
                assertThat(stored).as("acked op %s is in the log", acked).isNotNull();
                assertThat(stored.path("v").asLong()).as("at the version acked").isEqualTo(acked.version());
                assertThat(text.split(java.util.regex.Pattern.quote(acked.token()), -1)).as("%s once in the text", acked.token()).hasSize(2);
            }
        }
        assertThat(typists.stream().mapToInt(t -> t.acked.size()).sum()).isGreaterThanOrEqualTo(150);
    }
}
