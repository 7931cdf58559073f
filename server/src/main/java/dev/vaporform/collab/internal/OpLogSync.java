package dev.vaporform.collab.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vaporform.ot.Document;

/**
 * Keeps a live document and its op log in step, confined to the document's queue. It holds the
 * text twice: with every op applied (current) and as far as the log holds it (committed). Our
 * ops go to the group {@link Committer} in version order and, once durable, back to the
 * authority to be acknowledged and broadcast. Ops other writers stored are read from the log or
 * taken from another node while nothing of ours is pending. When a commit fails (another node
 * won the version, or the database is down) everything not yet durable is dropped, the text
 * rolled back to the committed one, what the others stored read from the log, and the dropped
 * submissions retried from scratch.
 */
final class OpLogSync {

    private static final Logger log = LoggerFactory.getLogger(OpLogSync.class);
    /**
     * Attempts of one op before the submitter is told to give up. Each failed attempt means
     * another node committed first, so the document progresses; ShareDB retries without limit,
     * we stop a starving op with ERR_MAX_SUBMIT_RETRIES_EXCEEDED instead of retrying forever.
     */
    private static final int MAX_RETRIES = 50;

    private final DocumentAuthority authority;
    private final DocumentKey key;
    private final DocumentServices services;
    private final OpHistory history;
    private Document doc;
    private long version;
    private Document committedDoc;
    private long committedVersion;
    /** Bumped when a commit fails: completions of ops handed in before belong to what was dropped. */
    private long generation;
    /** The version other nodes are known to have committed up to (from the bus). */
    private long remoteAhead;

    OpLogSync(DocumentAuthority authority, DocumentServices services, OpHistory history) {
        this.authority = authority;
        this.key = authority.key;
        this.services = services;
        this.history = history;
    }

    /** Starts from a freshly loaded document, everything of it committed. */
    void reset(DocumentLoader.Loaded state) {
        committedDoc = doc = state.doc();
        committedVersion = version = state.version();
        history.reset(state.ops(), version, state.oldestStored());
    }

    boolean exists() { return committedDoc != null; }
    Document current() { return doc; }
    long currentVersion() { return version; }
    long committedVersion() { return committedVersion; }
    /** @return the committed text, or null when the document was never created */
    String committedText() { return committedDoc == null ? null : committedDoc.toString(); }
    boolean hasPending() { return version != committedVersion; }

    /** Takes an op applied to the current text and hands it to the committer. */
    void append(CommittedOp op, Document next, Submission submission) {
        long base = submission.baseVersion() == null ? op.version() : submission.baseVersion();
        OpHistory.Entry entry = history.add(op, next, generation, submission, base);
        doc = next;
        version = op.version() + 1;
        long gen = generation;
        services.committer().commit(key, op, gen).whenComplete((ok, error) -> authority.queue.execute(() -> stored(entry, gen, error)));
    }

    private void stored(OpHistory.Entry entry, long gen, Throwable error) {
        if (gen != generation) return; // dropped by an earlier failure; retried already
        if (error != null) {
            recover(error);
            return;
        }
        entry.markCommitted();
        committedDoc = entry.after();
        committedVersion = entry.op().version() + 1;
        authority.durable(entry);
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
        authority.broadcastCommitted();
        for (OpHistory.Entry entry : dropped) retry(entry.submission());
        // Only the resends, not the op's own submission once more: an op at the current version
        // (ShareDB's v: null) or a server op would be applied twice, and each conflict double the retries.
        for (OpHistory.Entry entry : dropped) entry.resends().forEach(w -> retry(w.submission()));
    }

    /**
     * An op another node committed. Applied when it is the next version and nothing of ours is
     * still being stored; a later one (a message lost or reordered) is caught up from the log;
     * while ours are pending it waits: either ours conflict (and {@link #recover} reloads) or
     * they commit first and the catch-up after them reads the rest.
     */
    void remoteCommitted(CommittedOp op) {
        if (op.version() < committedVersion) return;
        remoteAhead = Math.max(remoteAhead, op.version() + 1);
        if (hasPending()) return;
        applyStored(op);
        catchUp();
        authority.broadcastCommitted();
    }

    /** Reads everything other nodes committed from the log (before a disk change is judged). */
    void catchUpFromLog() {
        if (hasPending()) return;
        remoteAhead = Long.MAX_VALUE;
        catchUp();
        remoteAhead = committedVersion;
        authority.broadcastCommitted();
    }

    /** Reads from the log what other nodes committed beyond our version. */
    void catchUp() {
        if (remoteAhead <= committedVersion || hasPending()) return;
        try {
            for (CommittedOp op : services.opLog().ops(key, committedVersion, remoteAhead)) applyStored(op);
        } catch (RuntimeException e) {
            log.warn("Catching up {} from the log failed: {}", key.path(), e.getMessage());
        }
    }

    /** An op another writer committed (read back from the log, or fanned out from another node). */
    private void applyStored(CommittedOp op) {
        if (op.version() != committedVersion || hasPending()) return;
        Document next = op.isCreate() ? Document.of(op.createText()) : committedDoc.apply(op.op());
        history.add(op, next, generation, null, op.version()).markCommitted();
        doc = committedDoc = next;
        version = committedVersion = op.version() + 1;
    }

    /** @return the newest committed version whose text is {@code text}, among those kept in memory, or -1 */
    long versionOfText(String text) {
        if (text.equals(committedText())) return committedVersion;
        return history.versionOfText(text);
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
            authority.submit(submission.retried());
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
}
