package dev.vaporform.collab.internal;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.vaporform.ot.Op;

/**
 * An op handed to a document's authority, as submitted (before any transform), so it can be
 * retried from scratch when a commit loses a race.
 *
 * @param from        the submitting connection; null for server ops (disk changes)
 * @param baseVersion the version the op applies to; null = the current one (ShareDB's {@code v: null})
 * @param createText  for a create, the initial text (then {@code op} is null)
 * @param outcome     for an op the server submits on a user's behalf (an AI edit): completed with
 *                    the version it was committed at once durable, or exceptionally when it fails;
 *                    null for client ops (they are acked over their socket) and disk changes
 */
record Submission(CollabConnection from, String src, long seq, Long baseVersion, Op op, String createText,
                  UUID authorId, int attempt, CompletableFuture<Long> outcome) {

    boolean isCreate() {
        return createText != null;
    }

    /** Tells the server-side submitter (if any) why its op was not committed. */
    void failed(RuntimeException why) {
        if (outcome != null) outcome.completeExceptionally(why);
    }

    Submission retried() {
        return new Submission(from, src, seq, baseVersion, op, createText, authorId, attempt + 1, outcome);
    }
}
