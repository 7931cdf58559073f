package dev.vaporform.collab.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * The connections subscribed to one live document's ops, and the version up to which each has
 * been sent them. Confined to the document's authority. A new subscriber starts from a snapshot
 * or from the ops it missed; after that, committed ops reach every subscriber in version order
 * and once each, and a submitter gets the ops it missed before its ack.
 */
final class Subscribers {

    private final DocumentKey key;
    private final OpHistory history;
    private final OpLogSync logSync;
    /** Per subscribed connection, the version up to which it has been sent ops. */
    private final Map<CollabConnection, Long> sentUntil = new LinkedHashMap<>();

    Subscribers(DocumentKey key, OpHistory history, OpLogSync logSync) {
        this.key = key;
        this.history = history;
        this.logSync = logSync;
    }

    /**
     * Brings a client to the committed version: the ops since {@code fromVersion} are sent, or,
     * when it gave none or one older than the history, a snapshot is returned for its reply.
     * With {@code keep} it stays subscribed; otherwise it only fetched.
     *
     * @return the snapshot, or null when the missed ops were sent
     */
    ObjectNode subscribe(CollabConnection connection, Long fromVersion, boolean keep) {
        long version = logSync.committedVersion();
        ObjectNode snapshot = null;
        if (fromVersion == null || fromVersion < history.oldestStored()) {
            snapshot = Frames.snapshot(version, logSync.committedText());
        } else {
            sendOps(connection, fromVersion, version);
        }
        if (keep) {
            sentUntil.put(connection, version);
            connection.documents.add(key);
        }
        return snapshot;
    }

    void remove(CollabConnection connection) {
        sentUntil.remove(connection);
    }

    boolean has(CollabConnection connection) {
        return sentUntil.containsKey(connection);
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

    /** Every subscriber gets the committed ops that it has not had yet. */
    void broadcast() {
        long committedVersion = logSync.committedVersion();
        for (var subscriber : sentUntil.entrySet()) {
            if (subscriber.getValue() < committedVersion) {
                sendOps(subscriber.getKey(), subscriber.getValue(), committedVersion);
                subscriber.setValue(committedVersion);
            }
        }
    }

    private void sendOps(CollabConnection to, long from, long until) {
        if (from >= until) return;
        for (OpHistory.Entry entry : history.entries(from, until)) {
            if (entry.committed()) to.send(entry.frame(key));
        }
    }
}
