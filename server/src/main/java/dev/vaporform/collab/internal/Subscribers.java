package dev.vaporform.collab.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connections subscribed to one live document's ops, and the version up to which each has
 * been sent them. Confined to the document's authority. Ops reach every subscriber in version
 * order and at most once; a submitter gets the ops it missed before its ack.
 */
final class Subscribers {

    private final DocumentKey key;
    private final OpHistory history;
    /** Per subscribed connection, the version up to which it has been sent ops. */
    private final Map<CollabConnection, Long> sentUntil = new LinkedHashMap<>();

    Subscribers(DocumentKey key, OpHistory history) {
        this.key = key;
        this.history = history;
    }

    /** Subscribes a connection that has every op before {@code version}. */
    void add(CollabConnection connection, long version) {
        sentUntil.put(connection, version);
        connection.documents.add(key);
    }

    void remove(CollabConnection connection) {
        sentUntil.remove(connection);
    }

    boolean isEmpty() {
        return sentUntil.isEmpty();
    }

    /**
     * Acknowledges a durable op to its submitter: a server-side one through its outcome; a client
     * gets the ops it missed, in order, then the ack.
     */
    void acknowledge(CollabConnection to, long base, Submission submission, long committedAt) {
        if (submission.outcome() != null) submission.outcome().complete(committedAt);
        if (to == null) return;
        Long sent = sentUntil.get(to);
        sendOps(to, sent == null ? base : Math.max(base, sent), committedAt);
        to.send(Frames.ack(key, submission.src(), submission.seq(), committedAt));
        if (sent != null) sentUntil.put(to, committedAt + 1);
    }

    /** Every subscriber gets the ops up to {@code committedVersion} that it has not had yet. */
    void broadcast(long committedVersion) {
        for (var subscriber : sentUntil.entrySet()) {
            if (subscriber.getValue() < committedVersion) {
                sendOps(subscriber.getKey(), subscriber.getValue(), committedVersion);
                subscriber.setValue(committedVersion);
            }
        }
    }

    /** Sends the committed ops in [from, until). */
    void sendOps(CollabConnection to, long from, long until) {
        if (from >= until) return;
        for (CommittedOp op : history.committed(from, until)) to.send(Frames.op(key, op));
    }
}
