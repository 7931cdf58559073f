package dev.vaporform.files;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded version of a file. Versions of a path are numbered 1, 2, 3… and never reused.
 *
 * @param path      the file's path
 * @param version   the version number, also the file's {@code ETag}
 * @param size      bytes
 * @param sha256    hex SHA-256 of the content; equal contents are stored once
 * @param authorId  who wrote it through the API; null when it was found on disk
 * @param origin    api or disk
 * @param createdAt when it was recorded
 * @param pruned    whether its bytes were pruned to keep the project's history within its budget
 *                  (the version is still listed; its content can no longer be read)
 * @param prunedAt  when it was pruned; null while it is kept
 */
public record FileVersion(String path, long version, long size, String sha256, UUID authorId,
                          FileOrigin origin, Instant createdAt, boolean pruned, Instant prunedAt) {}
