package dev.vaporform.files;

import java.util.UUID;

/** A file was deleted (one event per file, also when a whole directory went). */
public record FileDeleted(UUID projectId, String path, FileOrigin origin) {}
