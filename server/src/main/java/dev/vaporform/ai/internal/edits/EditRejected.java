package dev.vaporform.ai.internal.edits;

/** An edit that cannot be applied as written; the message says why, in words for the user. */
public final class EditRejected extends RuntimeException {
    public EditRejected(String reason) {
        super(reason, null, false, false);
    }
}
