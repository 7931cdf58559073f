package dev.vaporform.files;

import java.time.Instant;

/**
 * One entry of a project's tree.
 *
 * @param path       path relative to the project root
 * @param type       {@code file}, {@code dir}, or {@code link} for a symbolic link (never followed)
 * @param size       bytes (0 for directories and links)
 * @param modifiedAt last modification on disk
 */
public record FileEntry(String path, String type, long size, Instant modifiedAt) {}
