package dev.vaporform.collab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static dev.vaporform.collab.ShareDbClient.ack;

/**
 * A client that types like ShareDB's: one op in flight at a time, each based on the version it
 * knows, the next sent as soon as the last is acknowledged. Each op inserts a unique token at
 * the start, so the text shows which ops were applied and how often. Records every ack.
 */
final class Typist implements Runnable {

    /** An op as sent: its seq, base version and token. */
    record Sent(long seq, long version, String token) {}

    /** An acknowledged op: the version it was committed at. */
    record Acked(String src, long seq, long version, String token) {}

    final String name;
    final String collection;
    final String path;
    final List<Acked> acked = new CopyOnWriteArrayList<>();
    volatile ShareDbClient client;
    volatile Sent inFlight;
    /** Stops after this many acknowledged ops. */
    volatile int maxOps = 10_000;
    /** Sends ShareDB's {@code v: null} (apply to the current version) instead of the version it knows. */
    volatile boolean atCurrentVersion;
    private volatile long version;
    private long seq;
    private int scanned;

    Typist(String name, ShareDbClient client, String collection, String path, long version) {
        this.name = name;
        this.client = client;
        this.collection = collection;
        this.path = path;
        this.version = version;
    }

    /** Types until the socket dies or {@code maxOps} were acknowledged. */
    @Override
    public void run() {
        while (!client.closed.isDone() && acked.size() < maxOps) {
            Sent op = new Sent(++seq, version, "<" + name + "-" + seq + ">");
            inFlight = op;
            try {
                client.send(frame(op));
            } catch (RuntimeException socketGone) {
                return;
            }
            JsonNode reply = awaitAck(op);
            if (reply == null) return;
            acked.add(new Acked(client.src, op.seq(), reply.path("v").asLong(), op.token()));
            version = reply.path("v").asLong() + 1; // every op before the ack was delivered before it
            inFlight = null;
        }
    }

    private JsonNode awaitAck(Sent op) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var match = ack(client.src, op.seq());
        while (System.nanoTime() < deadline) {
            for (; scanned < client.frames.size(); scanned++) {
                JsonNode frame = client.frames.get(scanned);
                if (match.test(frame)) return frame;
                if (frame.has("error") && frame.path("seq").asLong() == op.seq()) throw new AssertionError(name + ": refused " + frame);
            }
            if (client.closed.isDone()) return null;
            Thread.onSpinWait();
            try {
                Thread.sleep(0, 200_000); // a yield between polls of the frame list, not a timing guess
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        throw new AssertionError(name + ": no ack for seq " + op.seq() + "; last frames " + client.frames.subList(Math.max(0, client.frames.size() - 5), client.frames.size()));
    }

    Map<String, Object> frame(Sent op) {
        var frame = new LinkedHashMap<String, Object>(Map.of("a", "op", "c", collection, "d", path, "seq", op.seq(), "op", List.of(op.token())));
        frame.put("v", atCurrentVersion ? null : op.version());
        return frame;
    }

    long version() {
        return version;
    }
}
