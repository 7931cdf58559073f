package dev.vaporform.collab.internal;

import java.util.ArrayList;
import java.util.List;

import dev.vaporform.ot.Document;

/**
 * A live document's recent ops, committed and still being stored, by version. Older ops are
 * read from the op log when a client that far behind needs them; older still than the log keeps
 * (compaction), the client gets ShareDB's "ops not found" and refetches.
 */
final class OpHistory {

    /** A resend that arrived while the original was still being stored: acked with it. */
    record Waiter(Submission submission, long base) {}

    /** One version's op, the document after it, and what to do when it is durable. */
    static final class Entry {
        private final CommittedOp op;
        private final Document after;
        private final Submission submission;
        private final List<Waiter> waiters = new ArrayList<>(1);
        private boolean committed;
        /** The op's frame, built once however many subscribers it is sent to. */
        private String frame;

        Entry(CommittedOp op, Document after, Submission submission, long base) {
            this.op = op;
            this.after = after;
            this.submission = submission;
            if (submission != null && (submission.from() != null || submission.outcome() != null)) waiters.add(new Waiter(submission, base));
        }

        CommittedOp op() { return op; }
        Document after() { return after; }
        Submission submission() { return submission; }
        List<Waiter> waiters() { return waiters; }

        /** @return the waiters that are resends of this op (its client reconnected), without its own submission */
        List<Waiter> resends() {
            return waiters.stream().filter(w -> w.submission() != submission).toList();
        }
        boolean committed() { return committed; }
        void markCommitted() { committed = true; }

        /** @return the {@code op} frame that announces this op (only called on the document's queue) */
        String frame(DocumentKey key) {
            if (frame == null) frame = Frames.op(key, op);
            return frame;
        }

        /**
         * @return whether a submission is this op sent again: by a client after a reconnect, or by
         *         a retry after a commit that failed on our side although the database kept it
         *         (same src and seq; server ops have their own, see {@link ServerOpIds})
         */
        boolean isResentBy(Submission submission) {
            return op.seq() == submission.seq() && op.src().equals(submission.src());
        }
    }

    private final DocumentKey key;
    private final OpLog opLog;
    private final int limit;
    private final ArrayList<Entry> entries = new ArrayList<>();
    private long start;
    private long oldestStored;

    OpHistory(DocumentKey key, OpLog opLog, int limit) {
        this.key = key;
        this.opLog = opLog;
        this.limit = limit;
    }

    /** Starts from stored ops (all committed) ending at {@code version}; {@code oldest} is the oldest op the log still has. */
    void reset(List<CommittedOp> ops, long version, long oldest) {
        entries.clear();
        ops.stream().filter(op -> op.version() >= version - limit).forEach(op -> {
            Entry entry = new Entry(op, null, null, op.version());
            entry.markCommitted();
            entries.add(entry);
        });
        start = entries.isEmpty() ? version : entries.getFirst().op().version();
        oldestStored = Math.min(oldest, start);
    }

    /** @return the oldest version a client may still ask ops from */
    long oldestStored() {
        return oldestStored;
    }

    Entry add(CommittedOp op, Document after, long generation, Submission submission, long base) {
        Entry entry = new Entry(op, after, submission, base);
        if (entries.isEmpty()) start = op.version();
        entries.add(entry);
        while (entries.size() > limit && entries.getFirst().committed()) {
            entries.removeFirst();
            start++;
        }
        return entry;
    }

    /** @return the entries for versions [from, to), reading old ones from the log */
    List<Entry> entries(long from, long to) {
        if (from >= to) return List.of();
        List<Entry> result = new ArrayList<>();
        if (from < start) {
            if (from < oldestStored) throw new ShareDbError(ShareDbError.OPS_NOT_FOUND, "The ops since version " + from + " are no longer kept; fetch the document again.");
            List<CommittedOp> old = opLog.ops(key, from, Math.min(start, to));
            if (old.size() != Math.min(start, to) - from) throw new ShareDbError(ShareDbError.OPS_NOT_FOUND, "The ops since version " + from + " are no longer kept; fetch the document again.");
            old.forEach(op -> {
                Entry entry = new Entry(op, null, null, op.version());
                entry.markCommitted();
                result.add(entry);
            });
        }
        for (long v = Math.max(from, start); v < to; v++) result.add(entries.get((int) (v - start)));
        return result;
    }

    /** @return the committed ops in [from, until) */
    List<CommittedOp> committed(long from, long until) {
        return entries(from, until).stream().filter(Entry::committed).map(Entry::op).toList();
    }

    /** @return the newest committed version whose text is {@code text}, among those kept in memory with their text, or -1 */
    long versionOfText(String text) {
        int length = text.codePointCount(0, text.length());
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            long version = entry.op().version() + 1;
            if (!entry.committed() || entry.after() == null || entry.after().length() != length) continue;
            if (entry.after().toString().equals(text)) return version;
        }
        return -1;
    }

    /** Removes and returns the trailing entries that are not durable yet. */
    List<Entry> dropUncommitted() {
        List<Entry> dropped = new ArrayList<>();
        while (!entries.isEmpty() && !entries.getLast().committed()) dropped.addFirst(entries.removeLast());
        return dropped;
    }
}
