package dev.vaporform.collab;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Changes to documents that live in the collaboration server, made by another module on a
 * user's behalf (the AI module's edits). A change goes in as an op, like a keystroke: everyone
 * who has the document open sees it, their undo works on it, and it is durable in the op log
 * before the call returns. Callers check access first.
 */
public interface LiveDocuments {

    /**
     * Changes the document at {@code path} when it has a live state — it is open on this node, or
     * its op log holds it (opened before, here or on another node): then its text is ahead of the
     * file, and only an op keeps the two consistent. The change is computed from the document's
     * current text on the document's single writer, so no keystroke can slip in between.
     *
     * @param change gets the current text and returns the new one; it may throw to refuse (the
     *               exception reaches the caller unchanged and nothing is applied)
     * @param wait   how long to wait for the op to be durable
     * @return the version the op was committed at (the current version when the change left the
     *         text as it was); empty when the document has no live state: the caller writes the
     *         file instead
     * @throws LiveEditFailed when the op could not be committed in time or at all
     */
    OptionalLong changeIfLive(UUID projectId, String path, UUID authorId, UnaryOperator<String> change, Duration wait);

    /** The document is live but the op could not be made durable (database down, timeout). */
    final class LiveEditFailed extends RuntimeException {
        public LiveEditFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
