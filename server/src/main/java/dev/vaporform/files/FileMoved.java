package dev.vaporform.files;

import java.util.UUID;

/**
 * A file was moved or renamed (one event per file, also when a whole directory moved). Moves made
 * on disk are recognised when a file disappears and one with the same content appears within the
 * watcher's debounce window.
 *
 * @param authorId who moved it through the API; null for moves seen on disk
 */
public record FileMoved(UUID projectId, String from, String to, FileOrigin origin, UUID authorId) {

    /** A move without a known author (seen on disk). */
    public FileMoved(UUID projectId, String from, String to, FileOrigin origin) {
        this(projectId, from, to, origin, null);
    }
}
