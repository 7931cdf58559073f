package dev.vaporform.files;

import java.util.UUID;

/**
 * A file was moved or renamed (one event per file, also when a whole directory moved). Moves made
 * on disk are recognised when a file disappears and one with the same content appears within the
 * watcher's debounce window.
 */
public record FileMoved(UUID projectId, String from, String to, FileOrigin origin) {}
