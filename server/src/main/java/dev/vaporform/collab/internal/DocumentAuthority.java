package dev.vaporform.collab.internal;

import java.util.List;

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
 * its base version one by one, applied, handed to the group {@link Committer}, and only when it
 * is durable acknowledged (after the ops its submitter missed) and broadcast, in version order.
 * Ops are pipelined: the next op is transformed against one still being stored; if a commit
 * fails (another node won the version, or the database is down) everything not yet durable is
 * dropped, the document reloaded and the dropped submissions retried from scratch.
 */
final class DocumentAuthority {

    private static final Logger log = LoggerFactory.getLogger(DocumentAuthority.class);
    /**
     * Attempts of one op before the submitter is told to give up. Each failed attempt means
     * another node committed first, so the document progresses; ShareDB retries without limit,
     * we stop a starving op with ERR_MAX_SUBMIT_RETRIES_EXCEEDED instead of retrying forever.
     */
    private static final int MAX_RETRIES = 50;

    final DocumentKey key;
    final SerialQueue queue;
    private final DocumentServices services;
    private final OpHistory history;
    final PresenceRoom presence;
    final FileSync fileSync;
    private final Subscribers subscribers;
    private boolean loaded;
    boolean unloaded;
    private Document doc;
    private long version;
    private Document committedDoc;
    private long committedVersion;
    private long generation;
    /** The version other nodes are known to have committed up to (from the bus). */
    private long remoteAhead;

    DocumentAuthority(DocumentKey key, DocumentServices services, Runnable idle) {
        this.key = key;
        this.services = services;
        this.queue = new SerialQueue(services.executor());
        this.history = new OpHistory(key, services.opLog(), services.properties().memoryHistory());
        this.subscribers = new Subscribers(key, history);
        this.presence = new PresenceRoom(key, history, services.bus());
        this.fileSync = new FileSync(this, services, idle);
    }

    boolean exists() { return committedDoc != null; }
    long committedVersion() { return committedVersion; }
    String committedText() { return committedDoc == null ? null : committedDoc.toString(); }
    /** @return the text with every op applied, including those still being stored */
    String currentText() { return doc.toString(); }
    long currentVersion() { return version; }
    boolean hasSubscribers() { return !subscribers.isEmpty() || !presence.isEmpty(); }
    boolean hasPending() { return version != committedVersion; }

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
        committedDoc = doc = state.doc();
        committedVersion = version = state.version();
        history.reset(state.ops(), version, state.oldestStored());
        fileSync.synced(state.fileText(), state.fileTextVersion());
        loaded = true;
        if (state.fileTextVersion() < version) fileSync.edited(version - 1); // the file lags: write it back
    }

    // ---- subscriptions

    /** Subscribes (or just fetches, {@code keep == false}) and replies with the snapshot or the missed ops. */
    void subscribe(CollabConnection connection, Long fromVersion, boolean keep, String action) {
        ObjectNode snapshot = subscribeBulk(connection, fromVersion, keep);
        if (action != null) connection.send(Frames.reply(action, key, snapshot));
    }

    /** @return the snapshot for a bulk reply, or null when the client's version was given and the ops were sent */
    ObjectNode subscribeBulk(CollabConnection connection, Long fromVersion, boolean keep) {
        ensureLoaded();
        ObjectNode snapshot = null;
        if (fromVersion == null || fromVersion < history.oldestStored()) {
            snapshot = Frames.snapshot(committedVersion, committedText());
        } else {
            subscribers.sendOps(connection, fromVersion, committedVersion);
        }
        if (keep) subscribers.add(connection, committedVersion);
        return snapshot;
    }

    void unsubscribe(CollabConnection connection) {
        subscribers.remove(connection);
        fileSync.maybeIdle();
    }

    /** The connection closed: it stops receiving, and its presences are cleared for the others. */
    void leave(CollabConnection connection) {
        subscribers.remove(connection);
        presence.leave(connection, committedVersion);
        fileSync.maybeIdle();
    }

    // ---- submissions

    /** Transforms, applies and hands the op to the committer; the ack comes when it is durable. */
    void submit(Submission submission) {
        ensureLoaded();
        if (submission.isCreate()) {
            create(submission);
            return;
        }
        if (!exists()) throw new ShareDbError(ShareDbError.DOES_NOT_EXIST, "The document has not been created.");
        long base = submission.baseVersion() == null ? version : submission.baseVersion();
        if (base > version) throw new ShareDbError(ShareDbError.NEWER_VERSION, "The op's version " + base + " is newer than the document's " + version + ".");
        Op op = submission.op();
        for (OpHistory.Entry entry : history.entries(base, version)) {
            if (isResend(entry, submission)) {
                alreadySubmitted(entry, submission, base);
                return;
            }
            if (entry.op().isCreate()) throw new ShareDbError(ShareDbError.OPS_NOT_FOUND, "The op predates the document's creation.");
            op = TextUnicode.transform(op, entry.op().op(), Side.LEFT);
        }
        Document next;
        try {
            next = doc.apply(op);
        } catch (InvalidOpException e) {
            throw new ShareDbError(ShareDbError.OP_NOT_APPLIED, e.getMessage());
        }
        append(new CommittedOp(version, submission.src(), submission.seq(), op, null, submission.authorId()), next, submission);
    }

    private void create(Submission submission) {
        if (exists() || version > 0) {
            for (OpHistory.Entry entry : history.entries(0, Math.min(1, version))) {
                if (isResend(entry, submission)) {
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
        append(new CommittedOp(0, submission.src(), submission.seq(), null, submission.createText(), submission.authorId()), created, submission);
    }

    private static boolean isResend(OpHistory.Entry entry, Submission submission) {
        return submission.from() != null && entry.op().seq() == submission.seq() && entry.op().src().equals(submission.src());
    }

    private void alreadySubmitted(OpHistory.Entry entry, Submission resend, long base) {
        if (entry.committed()) {
            subscribers.acknowledge(resend.from(), base, resend, entry.op().version());
        } else {
            entry.waiters().add(new OpHistory.Waiter(resend, base));
        }
    }

    private void append(CommittedOp op, Document next, Submission submission) {
        long base = submission.baseVersion() == null ? op.version() : submission.baseVersion();
        OpHistory.Entry entry = history.add(op, next, generation, submission, base);
        doc = next;
        version = op.version() + 1;
        long gen = generation;
        services.committer().commit(key, op, gen).whenComplete((ok, error) -> queue.execute(() -> committed(entry, gen, error)));
    }

    private void committed(OpHistory.Entry entry, long gen, Throwable error) {
        if (gen != generation) return; // dropped by an earlier failure; retried already
        if (error != null) {
            recover(error);
            return;
        }
        entry.markCommitted();
        committedDoc = entry.after();
        committedVersion = entry.op().version() + 1;
        for (OpHistory.Waiter waiter : entry.waiters()) subscribers.acknowledge(waiter.submission().from(), waiter.base(), waiter.submission(), entry.op().version());
        services.bus().publish(NodeMessages.channel(key), NodeMessages.op(services.bus().nodeId(), entry.op()));
        catchUp();
        broadcastCommitted();
        fileSync.edited(entry.op().version());
    }

    /** Every subscriber gets the ops up to the committed version that it has not had yet. */
    private void broadcastCommitted() {
        subscribers.broadcast(committedVersion);
    }

    /** A commit failed: drop what is not durable, reload what other writers stored, retry ours. */
    private void recover(Throwable error) {
        generation++;
        List<OpHistory.Entry> dropped = history.dropUncommitted();
        log.info("Commit of {} failed ({}); reloading and retrying {} op(s)", key.path(), error.toString(), dropped.size());
        doc = committedDoc;
        version = committedVersion;
        try {
            for (CommittedOp op : services.opLog().ops(key, committedVersion, Long.MAX_VALUE)) applyStored(op);
        } catch (RuntimeException reloadFailed) {
            fail(dropped, new ShareDbError(ShareDbError.UNKNOWN, "The document could not be stored; fetch it again."));
            return;
        }
        broadcastCommitted();
        for (OpHistory.Entry entry : dropped) retry(entry.submission());
        for (OpHistory.Entry entry : dropped) entry.waiters().forEach(w -> retry(w.submission()));
    }

    /**
     * An op another node committed. Applied when it is the next version and nothing of ours is
     * still being stored; a later one (a message lost or reordered) is caught up from the log;
     * while ours are pending it waits: either ours conflict (and {@link #recover} reloads) or
     * they commit first and the catch-up after them reads the rest.
     */
    void remoteCommitted(CommittedOp op) {
        if (!loaded || op.version() < committedVersion) return;
        remoteAhead = Math.max(remoteAhead, op.version() + 1);
        if (hasPending()) return;
        applyStored(op);
        catchUp();
        broadcastCommitted();
    }

    /** Reads everything other nodes committed from the log (before a disk change is judged). */
    void catchUpFromLog() {
        if (hasPending()) return;
        remoteAhead = Long.MAX_VALUE;
        catchUp();
        remoteAhead = committedVersion;
        broadcastCommitted();
    }

    /** Reads from the log what other nodes committed beyond our version. */
    private void catchUp() {
        if (remoteAhead <= committedVersion || hasPending()) return;
        try {
            for (CommittedOp op : services.opLog().ops(key, committedVersion, remoteAhead)) applyStored(op);
        } catch (RuntimeException e) {
            log.warn("Catching up {} from the log failed: {}", key.path(), e.getMessage());
        }
    }

    /** An op another writer committed (read back from the log, or fanned out from another node). */
    void applyStored(CommittedOp op) {
        if (op.version() != committedVersion || hasPending()) return;
        Document next = op.isCreate() ? Document.of(op.createText()) : committedDoc.apply(op.op());
        history.add(op, next, generation, null, op.version()).markCommitted();
        doc = committedDoc = next;
        version = committedVersion = op.version() + 1;
    }

    private void retry(Submission submission) {
        if (submission == null) return;
        if (submission.attempt() >= MAX_RETRIES) {
            log.warn("An op on {} lost {} commit races; the client is told to retry", key.path(), MAX_RETRIES);
            var error = new ShareDbError(ShareDbError.RETRIES_EXCEEDED, "Too many conflicting writers; try again.");
            if (submission.from() != null) submission.from().send(Frames.error(OpRequest.echo(key, submission), error));
            submission.failed(error);
            return;
        }
        try {
            submit(submission.retried());
        } catch (ShareDbError e) {
            if (submission.from() != null) submission.from().send(Frames.error(OpRequest.echo(key, submission), e));
            submission.failed(e);
        }
    }

    private void fail(List<OpHistory.Entry> dropped, ShareDbError error) {
        for (OpHistory.Entry entry : dropped) {
            Submission s = entry.submission();
            if (s != null && s.from() != null) s.from().send(Frames.error(OpRequest.echo(key, s), error));
            if (s != null) s.failed(error);
        }
    }

    // ---- presence

    /** @return the presence as sent to the others, for the reply to its sender */
    ObjectNode updatePresence(CollabConnection from, ObjectNode frame) {
        ensureLoaded();
        return presence.update(from, frame, committedVersion);
    }

    /** A presence from a client of another node: passed on to this node's listeners. */
    void remotePresence(ObjectNode frame) {
        if (!loaded) return;
        presence.updateRemote(frame, committedVersion);
    }

    void listenToPresence(CollabConnection connection) {
        ensureLoaded();
        presence.listen(connection, committedVersion);
    }

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
        if (text.equals(committedText())) return committedVersion;
        return history.versionOfText(text);
    }
}
