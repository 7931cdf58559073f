package dev.vaporform.collab.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.InvalidOpException;
import dev.vaporform.ot.Op;
import dev.vaporform.ot.Side;
import dev.vaporform.ot.TextUnicode;

/**
 * The single writer of one live document. Every method runs on the document's
 * {@link SerialQueue}, so the state needs no lock. An op is transformed against each op since
 * its base version one by one, applied, and handed to the {@link OpLogSync}, which stores it
 * through the group {@link Committer}; only when it is durable is it acknowledged (after the ops
 * its submitter missed) and broadcast, in version order. Ops are pipelined: the next op is
 * transformed against one still being stored; a failed commit is recovered by the
 * {@link OpLogSync}, which retries the dropped submissions here from scratch. Who has been sent
 * which ops is kept by {@link Subscribers}, cursors and selections by the {@link PresenceRoom},
 * and the file by {@link FileSync}.
 */
final class DocumentAuthority {

    private static final Logger log = LoggerFactory.getLogger(DocumentAuthority.class);

    final DocumentKey key;
    final SerialQueue queue;
    private final DocumentServices services;
    private final OpHistory history;
    private final OpLogSync logSync;
    private final Subscribers subscribers;
    final PresenceRoom presence;
    final FileSync fileSync;
    private boolean loaded;
    boolean unloaded;

    DocumentAuthority(DocumentKey key, DocumentServices services, Runnable idle) {
        this.key = key;
        this.services = services;
        this.queue = new SerialQueue(services.executor());
        this.history = new OpHistory(key, services.opLog(), services.properties().memoryHistory());
        this.logSync = new OpLogSync(this, services, history);
        this.subscribers = new Subscribers(key, history, logSync);
        this.presence = new PresenceRoom(key, history, services.bus());
        this.fileSync = new FileSync(this, services, idle);
    }

    boolean exists() { return logSync.exists(); }
    long committedVersion() { return logSync.committedVersion(); }
    String committedText() { return logSync.committedText(); }

    /**
     * @return who typed the committed ops in [from, to), each once, in the order they last typed
     *         (so the last one typed last); empty when those ops are no longer kept
     */
    java.util.List<java.util.UUID> authorsBetween(long from, long to) {
        var authors = new java.util.LinkedHashSet<java.util.UUID>();
        try {
            for (CommittedOp op : history.committed(from, to)) {
                if (op.authorId() == null) continue;
                authors.remove(op.authorId());
                authors.add(op.authorId());
            }
        } catch (ShareDbError compacted) {
            return java.util.List.of();
        }
        return java.util.List.copyOf(authors);
    }
    /** @return the text with every op applied, including those still being stored */
    String currentText() { return logSync.current().toString(); }
    long currentVersion() { return logSync.currentVersion(); }
    boolean hasSubscribers() { return !subscribers.isEmpty() || !presence.isEmpty(); }
    boolean hasPending() { return logSync.hasPending(); }

    /** Loads the stored document (or the file) on first use. @throws ShareDbError when that fails */
    void ensureLoaded() {
        if (loaded) return;
        DocumentLoader.Loaded state;
        try {
            state = new DocumentLoader(key, services).load();
        } catch (RuntimeException e) {
            fileSync.discard(); // nothing of a document that failed to load may linger
            throw e;
        }
        logSync.reset(state);
        fileSync.synced(state.fileText(), state.fileTextVersion());
        loaded = true;
        // the file lags (a crash cut its write-back short, or this node takes over): write it back now
        if (state.fileTextVersion() < state.version()) fileSync.flush();
    }

    /** Loads the document, which writes a lagging file back, and lets it unload when nobody is on it. */
    void writeBack() {
        ensureLoaded();
        fileSync.maybeIdle();
    }

    // ---- subscriptions

    /**
     * Subscribes (or just fetches, {@code keep == false}) and sends the ops missed since
     * {@code fromVersion}, or returns a snapshot when there is no such version to start from.
     *
     * @return the snapshot for the reply, or null when the client's version was given and the ops were sent
     */
    ObjectNode subscribe(CollabConnection connection, Long fromVersion, boolean keep) {
        try {
            ensureLoaded();
            return subscribers.subscribe(connection, fromVersion, keep);
        } catch (RuntimeException e) {
            release(connection); // a refused subscription does not count against the connection's documents
            throw e;
        }
    }

    void unsubscribe(CollabConnection connection) {
        subscribers.remove(connection);
        release(connection);
        fileSync.maybeIdle();
    }

    /**
     * The connection no longer counts this document among those it holds, unless it is still
     * subscribed, listening or present here (see {@link CollabConnection#hold}).
     */
    void release(CollabConnection connection) {
        if (!subscribers.has(connection) && !presence.holds(connection)) connection.documents.remove(key);
    }

    /** The connection closed: it stops receiving, and its presences are cleared for the others. */
    void leave(CollabConnection connection) {
        subscribers.remove(connection);
        presence.leave(connection, committedVersion());
        fileSync.maybeIdle();
    }

    // ---- submissions

    /** Transforms, applies and hands the op to the op log; the ack comes when it is durable. */
    void submit(Submission submission) {
        ensureLoaded();
        if (submission.isCreate()) {
            create(submission);
            return;
        }
        if (!exists()) throw new ShareDbError(ShareDbError.DOES_NOT_EXIST, "The document has not been created.");
        long version = logSync.currentVersion();
        long base = submission.baseVersion() == null ? version : submission.baseVersion();
        if (base > version) throw new ShareDbError(ShareDbError.NEWER_VERSION, "The op's version " + base + " is newer than the document's " + version + ".");
        Op op = submission.op();
        for (OpHistory.Entry entry : history.entries(base, version)) {
            if (entry.isResentBy(submission)) {
                alreadySubmitted(entry, submission, base);
                return;
            }
            if (entry.op().isCreate()) throw new ShareDbError(ShareDbError.OPS_NOT_FOUND, "The op predates the document's creation.");
            op = TextUnicode.transform(op, entry.op().op(), Side.LEFT);
        }
        Document next;
        try {
            next = logSync.current().apply(op);
        } catch (InvalidOpException e) {
            throw new ShareDbError(ShareDbError.OP_NOT_APPLIED, e.getMessage());
        }
        DocumentSize.requireWithin(next, services.files().maxFileSize());
        logSync.append(new CommittedOp(version, submission.src(), submission.seq(), op, null, submission.authorId()), next, submission);
    }

    private void create(Submission submission) {
        long version = logSync.currentVersion();
        if (exists() || version > 0) {
            for (OpHistory.Entry entry : history.entries(0, Math.min(1, version))) {
                if (entry.isResentBy(submission)) {
                    alreadySubmitted(entry, submission, 0);
                    return;
                }
            }
            throw new ShareDbError(ShareDbError.ALREADY_CREATED, "The document was already created.");
        }
        Document created;
        try {
            created = Document.of(submission.createText());
        } catch (InvalidOpException e) {
            throw new ShareDbError(ShareDbError.OP_BADLY_FORMED, e.getMessage());
        }
        DocumentSize.requireWithin(created, services.files().maxFileSize());
        logSync.append(new CommittedOp(0, submission.src(), submission.seq(), null, submission.createText(), submission.authorId()), created, submission);
    }

    private void alreadySubmitted(OpHistory.Entry entry, Submission resend, long base) {
        if (entry.committed()) {
            subscribers.acknowledge(resend.from(), base, resend, entry.op().version());
        } else {
            entry.waiters().add(new OpHistory.Waiter(resend, base));
        }
    }

    // ---- commits

    /** One of our ops is durable: ack it, tell the other nodes, catch up, then send everyone what they miss. */
    void durable(OpHistory.Entry entry) {
        for (OpHistory.Waiter waiter : entry.waiters()) subscribers.acknowledge(waiter.submission().from(), waiter.base(), waiter.submission(), entry.op().version());
        services.bus().publish(NodeMessages.channel(key), NodeMessages.op(services.bus().nodeId(), entry.op()));
        logSync.catchUp();
        broadcastCommitted();
        fileSync.edited(entry.op().version());
    }

    /** Every subscriber gets the ops up to the committed version that it has not had yet. */
    void broadcastCommitted() {
        subscribers.broadcast();
    }

    /** An op another node committed: see {@link OpLogSync#remoteCommitted}. */
    void remoteCommitted(CommittedOp op) {
        if (!loaded) return;
        logSync.remoteCommitted(op);
    }

    /** Reads everything other nodes committed from the log (before a disk change is judged). */
    void catchUpFromLog() {
        logSync.catchUpFromLog();
    }

    // ---- presence

    /** @return the presence as sent to the others, for the reply to its sender */
    ObjectNode updatePresence(CollabConnection from, ObjectNode frame) {
        try {
            ensureLoaded();
            return presence.update(from, frame, committedVersion());
        } finally {
            release(from); // a cleared or refused presence holds nothing
        }
    }

    /** A presence from a client of another node: passed on to this node's listeners. */
    void remotePresence(ObjectNode frame) {
        if (!loaded) return;
        presence.updateRemote(frame, committedVersion());
    }

    void listenToPresence(CollabConnection connection) {
        try {
            ensureLoaded();
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
        presence.listen(connection, committedVersion());
    }

    void stopListeningToPresence(CollabConnection connection) {
        presence.stopListening(connection);
        release(connection);
        fileSync.maybeIdle();
    }

    // ---- the file

    /** Submits a server op at {@code base} (a change found on disk), retried like any other. */
    void submitServerOp(Op op, long base) {
        if (op.isNoop() || !exists()) return;
        try {
            submit(new Submission(null, services.serverOps().src, services.serverOps().next(), base, op, null, null, 0, null));
        } catch (ShareDbError e) {
            log.warn("A change on disk to {} could not be merged: {}", key.path(), e.getMessage());
        }
    }

    /** @return the newest version whose text is {@code text}, among those kept in memory, or -1 */
    long versionOfText(String text) {
        return logSync.versionOfText(text);
    }
}
