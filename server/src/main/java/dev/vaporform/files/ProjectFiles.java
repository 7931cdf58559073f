package dev.vaporform.files;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The files module's facade: each project's tree on disk, its file versions and its search.
 * Methods take paths as clients send them and validate them ({@link ProjectPath}); none checks
 * who is calling, so callers decide access first through the projects module's
 * {@code ProjectAccess}. Writes are atomic, record a version, update the search index and
 * publish {@link FileChanged}; no method follows a symbolic link out of the project root.
 */
public interface ProjectFiles {

    /**
     * @return the project's root directory, {@code <vaporform.home>/projects/<projectId>},
     *         created when missing; a workspace container bind-mounts exactly this directory
     */
    Path root(UUID projectId);

    /**
     * Reads a file. When its bytes differ from its latest recorded version (it was changed on
     * disk), a new version is recorded first (origin disk, no author), so the version returned
     * always names the bytes returned.
     *
     * @throws InvalidPath    when the path breaks a rule
     * @throws FileNotFound   when there is no file there
     * @throws PathConflict   when the path is a directory
     * @throws UnsafeLink     when the path leads through a link out of the root
     * @throws FileTooLarge   when the file on disk is over the size limit
     */
    FileContent read(UUID projectId, String path);

    /**
     * Creates or replaces a file, atomically.
     *
     * @param authorId       who writes (recorded with the version); may be null for the system
     * @param ifMatchVersion when not null, the version the caller last saw: the write happens
     *                       only if it is still the file's current version; 0 means "any
     *                       version, but the file must exist"
     * @return the version recorded for the new content
     * @throws StaleFileVersion      when {@code ifMatchVersion} is not the current version (or the file is gone)
     * @throws FileTooLarge          over {@code max-file-size}
     * @throws ProjectQuotaExceeded  over {@code max-project-size}
     * @throws TooManyFiles          over {@code max-files}
     * @throws PathConflict          when the path is a directory or passes through a file
     * @throws InvalidPath, UnsafeLink as for {@link #read}
     */
    FileVersion write(UUID projectId, String path, byte[] content, UUID authorId, Long ifMatchVersion);

    /** @return every file, directory and link in the project, sorted by path; links are listed, never followed */
    List<FileEntry> tree(UUID projectId);

    /**
     * @return the file's recorded versions, newest first
     * @throws FileNotFound when the path has neither a file nor any recorded version
     */
    List<FileVersion> history(UUID projectId, String path);

    /**
     * Finds lines in the project's text files (binary files and files over the index size cap
     * are skipped). Results are exact: candidates come from a trigram index, then every line is
     * checked against the file's content. This is the platform's own search (context for the
     * AI): no user's limits apply, and its work shares the search threads under the project's name.
     *
     * @throws InvalidSearch when the text is empty, too long or an invalid regular expression
     */
    SearchResults search(UUID projectId, SearchQuery query);

    /**
     * A user's search (as {@link #search(UUID, SearchQuery)}), within the user's limits: a few
     * running at once and a rate per minute, and sharing the search threads fairly with others.
     *
     * @throws InvalidSearch                         when the text is empty, too long or an invalid regular expression
     * @throws SearchBusy                            when the user already has the most searches running
     * @throws dev.vaporform.platform.TooManyRequests when the user started too many searches this minute
     */
    SearchResults search(UUID userId, UUID projectId, SearchQuery query);

    /**
     * Keeps the project active so changes made on disk are noticed, indexed and published as
     * events, until the returned hold is closed.
     */
    Watch watch(UUID projectId);
}
