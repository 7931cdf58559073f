package dev.vaporform.ai.internal.edits;

/**
 * What became of one edit; sent to the client as an {@code edit} event.
 *
 * @param path    the canonical path, or the path as written when it was invalid
 * @param status  {@code proposed} (valid against the current text, not applied), {@code applied}
 *                or {@code rejected}
 * @param reason  why it was rejected, in words for the user; null otherwise
 * @param via     for an applied edit: {@code live} (an op on the open document) or {@code file}
 * @param version for an applied edit: the document version (live) or file version (file)
 */
public record EditOutcome(String path, String search, String replace, String status, String reason, String via, Long version) {

    static EditOutcome proposed(String path, ProposedEdit e) {
        return new EditOutcome(path, e.search(), e.replace(), "proposed", null, null, null);
    }

    static EditOutcome rejected(String path, ProposedEdit e, String reason) {
        return new EditOutcome(path, e.search(), e.replace(), "rejected", reason, null, null);
    }

    static EditOutcome applied(String path, ProposedEdit e, String via, long version) {
        return new EditOutcome(path, e.search(), e.replace(), "applied", null, via, version);
    }
}
