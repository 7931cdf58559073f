package dev.vaporform.collab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import dev.vaporform.ot.Side;
import dev.vaporform.ot.TextUnicode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case 58: K clients each make N random edits against whatever version they last saw, some
 * resent after a dropped connection. Afterwards: every client's text converged, the stored text
 * equals the replay of the op log, versions have no gaps, and every acknowledged op is in the log.
 */
class RandomisedConvergenceTests extends CollabTestSupport {

    private static final int CLIENTS = 4;
    private static final int OPS = 30;

    /** A ShareDB-like client model: one op in flight, a local doc, transform of incoming ops. */
    private final class Replica {
        ShareDbClient socket;
        String src;
        Document doc;
        long version;
        int seq;
        Op inflight;
        long inflightV;
        int handled;
        final List<long[]> acked = new ArrayList<>();

        Replica(String text) {
            doc = Document.of(text);
            version = 1;
        }

        void connect(boolean resume) {
            socket = ShareDbClient.connect(port, ticket(owner));
            socket.send(resume ? Map.of("a", "hs", "id", src, "protocol", 1, "protocolMinor", 2) : Map.of("a", "hs", "protocol", 1, "protocolMinor", 2));
            src = socket.next(ShareDbClient.action("hs")).path("id").asString();
            handled = 0;
            if (inflight != null) socket.send(op("r.txt", seq, inflightV, inflight.toJsonValue()));
            socket.send(Map.of("a", "s", "c", projectId.toString(), "d", "r.txt", "v", version));
        }

        /** Applies what arrived, in order, as the ShareDB client does. */
        void pump() {
            List<JsonNode> frames = socket.frames;
            while (handled < frames.size()) {
                JsonNode f = frames.get(handled++);
                if (!"op".equals(f.path("a").asString())) continue;
                assertThat(f.has("error")).as(f.toString()).isFalse();
                if (f.has("op")) remote(f);
                else if (inflight != null && src.equals(f.path("src").asString()) && f.path("seq").asInt() == seq) ack(f);
            }
        }

        private void remote(JsonNode f) {
            if (f.path("v").asLong() != version) return; // a duplicate
            Op op = Op.fromJson(f.path("op").toString());
            if (inflight != null) {
                Op mine = TextUnicode.transform(inflight, op, Side.LEFT);
                op = TextUnicode.transform(op, inflight, Side.RIGHT);
                inflight = mine;
            }
            doc = doc.apply(op);
            version++;
        }

        private void ack(JsonNode f) {
            assertThat(f.path("v").asLong()).isEqualTo(version);
            acked.add(new long[]{version, seq});
            version++;
            inflight = null;
        }

        void edit(Random random) {
            if (inflight != null) return;
            int length = doc.length();
            int at = random.nextInt(length + 1);
            Op op = random.nextInt(3) == 0 && length > at ? Op.delete(at, Math.min(1 + random.nextInt(3), length - at))
                    : Op.insert(at, random.nextBoolean() ? "ab" : "😀");
            doc = doc.apply(op);
            inflight = op;
            inflightV = version;
            seq++;
            socket.send(op("r.txt", seq, version, op.toJsonValue()));
        }
    }

    @Test
    void randomEditsWithDisconnectsConvergeAndTheLogIsComplete() {
        createProject("Randomised");
        ShareDbClient creator = connect(owner);
        creator.send(create("r.txt", 1, "start"));
        creator.next(ShareDbClient.ack(creator.src, 1));
        Random random = new Random(42);
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Replica r = new Replica("start");
            r.connect(false);
            replicas.add(r);
        }
        for (int round = 0; round < OPS * 3; round++) {
            Replica r = replicas.get(random.nextInt(CLIENTS));
            r.pump();
            if (random.nextInt(12) == 0) {
                r.socket.close();
                r.connect(true);
            } else {
                r.edit(random);
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            replicas.forEach(Replica::pump);
            assertThat(replicas).allMatch(r -> r.inflight == null);
        });
        long version = storedVersion("r.txt");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            replicas.forEach(Replica::pump);
            assertThat(replicas).allMatch(r -> r.version == version);
        });
        Set<String> texts = new HashSet<>();
        replicas.forEach(r -> texts.add(r.doc.toString()));
        assertThat(texts).as("all replicas converge").hasSize(1);

        List<Map<String, Object>> log = jdbc.sql("select version, src, seq, op from collab_ops where project_id = ? and path = ? order by version")
                .params(projectId, "r.txt").query().listOfRows();
        assertThat(log).hasSize((int) version);
        Document replay = null;
        for (int v = 0; v < log.size(); v++) {
            var row = log.get(v);
            assertThat(((Number) row.get("version")).longValue()).as("no gaps").isEqualTo(v);
            String json = (String) row.get("op");
            replay = v == 0 ? Document.of(Json.createText(json)) : replay.apply(Op.fromJson(json));
        }
        assertThat(replay.toString()).isEqualTo(texts.iterator().next());
        for (Replica r : replicas) {
            for (long[] ack : r.acked) {
                var row = log.get((int) ack[0]);
                assertThat(row.get("src")).isEqualTo(r.src);
                assertThat(((Number) row.get("seq")).longValue()).isEqualTo(ack[1]);
            }
        }
        awaitFile("r.txt", replay.toString());
    }

    /** Reads the create record the op log stores at version 0. */
    private static final class Json {
        static String createText(String json) {
            return dev.vaporform.support.Http.JSON.readTree(json).path("create").asString();
        }
    }
}
