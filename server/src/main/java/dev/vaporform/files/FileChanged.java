package dev.vaporform.files;

import java.util.UUID;

/**
 * A file was created or its content changed.
 *
 * @param projectId the project
 * @param path      the file's path relative to the project root ({@link ProjectPath} form)
 * @param version   the version recorded for this content; null for changes seen on disk, whose
 *                  version is recorded when the file is next read through {@link ProjectFiles}
 * @param origin    whether the change came through the API or appeared on disk
 */
public record FileChanged(UUID projectId, String path, Long version, FileOrigin origin) {}
