package dev.vaporform.files.storage;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.vaporform.files.ProjectPath;

/**
 * Settings of the files module ({@code vaporform.files.*}), documented in README.md.
 *
 * @param maxFileSize       largest file accepted through the API (413 {@code file-too-large})
 * @param maxProjectSize    most bytes of files in one project (413 {@code project-quota-exceeded})
 * @param maxFiles          most files in one project (422 {@code too-many-files})
 * @param maxPathLength     most characters in a path (400 {@code invalid-path}, rule {@code max-path-length})
 * @param maxPathDepth      most segments in a path (400 {@code invalid-path}, rule {@code max-depth})
 * @param maxArchiveSize    largest zip upload (413 {@code archive-too-large})
 * @param maxArchiveRatio   highest ratio of inflated to compressed bytes in a zip upload (a zip bomb beyond)
 * @param indexMaxFileSize  files larger than this are not indexed for search
 * @param searchMaxLimit    highest {@code limit} a search may ask for
 * @param searchTimeout     how long one search may run; a regular expression still matching then is refused
 * @param searchesPerUser   most searches one user may have running at once on this node (429 {@code search-busy} beyond)
 * @param searchesPerMinute most searches one user may start per minute (429 {@code rate-limited} beyond)
 * @param watchDebounce     quiet time after a change on disk before it is processed (changes batch up)
 * @param watchIdleTimeout  how long a project touched through the API stays watched without a hold
 * @param maxHistorySize    most bytes of distinct contents the kept versions of one project hold
 *                          (current versions included); beyond, old versions are pruned, and a
 *                          write that only pruning recent history could fit is refused (413
 *                          {@code history-quota-exceeded})
 * @param historyKeepAge    versions younger than this are never pruned
 * @param historyKeepVersions each file's newest versions, pruned only once every older version
 *                          of the project is
 * @param maxConcurrentImports     zip imports this node stages at once (503 {@code import-busy} beyond)
 * @param maxConcurrentImportsPerUser zip imports one user runs at once on a node (429 {@code too-many-imports} beyond)
 */
@Validated
@ConfigurationProperties("vaporform.files")
public record FilesProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("1GB") DataSize maxProjectSize,
        @DefaultValue("100000") @Min(1) int maxFiles,
        @DefaultValue("1024") @Min(16) @Max(ProjectPath.MAX_LENGTH) int maxPathLength,
        @DefaultValue("64") @Min(2) @Max(ProjectPath.MAX_DEPTH) int maxPathDepth,
        @DefaultValue("1GB") DataSize maxArchiveSize,
        @DefaultValue("100") @Min(2) int maxArchiveRatio,
        @DefaultValue("1MB") DataSize indexMaxFileSize,
        @DefaultValue("1000") @Min(1) int searchMaxLimit,
        @DefaultValue("10s") Duration searchTimeout,
        @DefaultValue("2") @Min(1) int searchesPerUser,
        @DefaultValue("120") @Min(1) int searchesPerMinute,
        @DefaultValue("200ms") Duration watchDebounce,
        @DefaultValue("30m") Duration watchIdleTimeout,
        @DefaultValue("2GB") DataSize maxHistorySize,
        @DefaultValue("24h") Duration historyKeepAge,
        @DefaultValue("10") @Min(1) int historyKeepVersions,
        @DefaultValue("2") @Min(1) int maxConcurrentImports,
        @DefaultValue("1") @Min(1) int maxConcurrentImportsPerUser) {

    /** @return the path validated against the configured length and depth limits */
    public ProjectPath path(String raw) {
        return ProjectPath.of(raw, maxPathLength, maxPathDepth);
    }
}
