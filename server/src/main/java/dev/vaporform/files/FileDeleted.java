package dev.vaporform.files;

import java.util.UUID;

/**
 * A file was deleted (one event per file, also when a whole directory went).
 *
 * @param authorId who deleted it through the API; null for deletions seen on disk
 */
public record FileDeleted(UUID projectId, String path, FileOrigin origin, UUID authorId) {

    /** A deletion without a known author (seen on disk). */
    public FileDeleted(UUID projectId, String path, FileOrigin origin) {
        this(projectId, path, origin, null);
    }
}
