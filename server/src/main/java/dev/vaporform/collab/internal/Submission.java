package dev.vaporform.collab.internal;

import java.util.UUID;

import dev.vaporform.ot.Op;

/**
 * An op handed to a document's authority, as submitted (before any transform), so it can be
 * retried from scratch when a commit loses a race.
 *
 * @param from        the submitting connection; null for server ops (disk changes)
 * @param baseVersion the version the op applies to; null = the current one (ShareDB's {@code v: null})
 * @param createText  for a create, the initial text (then {@code op} is null)
 */
record Submission(CollabConnection from, String src, long seq, Long baseVersion, Op op, String createText,
                  UUID authorId, int attempt) {

    boolean isCreate() {
        return createText != null;
    }

    Submission retried() {
        return new Submission(from, src, seq, baseVersion, op, createText, authorId, attempt + 1);
    }
}
