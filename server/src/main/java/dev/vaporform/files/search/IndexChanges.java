package dev.vaporform.files.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sync of the index against the disk found: files that appeared, changed or went, each
 * with the SHA-256 of its content (for a removed file, the content it had), so that a
 * disappearance and an appearance of the same content can be told apart as a move.
 */
public record IndexChanges(List<Entry> created, List<Entry> changed, List<Entry> removed) {

    /** One file and its content's hash. */
    public record Entry(String path, String sha256) {}

    /** @return an empty, growable set of changes */
    public static IndexChanges collecting() {
        return new IndexChanges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Adds {@code other}'s changes to these. */
    public void addAll(IndexChanges other) {
        created.addAll(other.created);
        changed.addAll(other.changed);
        removed.addAll(other.removed);
    }

    /** @return whether nothing changed */
    public boolean isEmpty() {
        return created.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
