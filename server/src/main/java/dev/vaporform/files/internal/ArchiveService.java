package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.files.archive.StagedArchive;
import dev.vaporform.files.archive.StagedArchive.StagedFile;
import dev.vaporform.files.archive.ZipExport;
import dev.vaporform.files.archive.ZipImport;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.OpenDirectory;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.FileVersions.NewVersion;
import dev.vaporform.files.storage.HistoryBudget;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectUsage;
import dev.vaporform.platform.ConcurrencyLimit;
import dev.vaporform.platform.ServiceBusy;
import dev.vaporform.platform.TooManyRequests;

/**
 * Zip import and export. An import is staged and checked whole by {@link ZipImport}; then,
 * under the project's lock, it is checked against the tree (conflicts, quota) and only then
 * moved in, file by file, each replacing any file at its path, with a version per file.
 * Staging takes up to {@code max-archive-size} of upload and as much again inflated, so imports
 * are bounded per node and per user ({@link ConcurrencyLimit}); the excess is refused at once,
 * before a byte of it is read.
 */
@Service
public class ArchiveService {

    /** Roughly how long an import of the largest archive takes; what a refused client is told to wait. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ZipImport zipImport;
    private final ZipExport zipExport;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final ProjectUsage usage;
    private final Blobs blobs;
    private final FileVersions versions;
    private final FileEvents events;
    private final IndexUpdates index;
    private final HistoryBudget history;
    private final ConcurrencyLimit imports;

    ArchiveService(FilesProperties properties, ZipImport zipImport, ZipExport zipExport, ProjectRoots roots, ProjectLocks locks, ProjectUsage usage,
                   Blobs blobs, FileVersions versions, FileEvents events, IndexUpdates index, HistoryBudget history) {
        this.zipImport = zipImport;
        this.zipExport = zipExport;
        this.roots = roots;
        this.locks = locks;
        this.usage = usage;
        this.blobs = blobs;
        this.versions = versions;
        this.events = events;
        this.index = index;
        this.history = history;
        this.imports = new ConcurrencyLimit(properties.maxConcurrentImports(), properties.maxConcurrentImportsPerUser());
    }

    /** Streams the project as a zip. */
    public void export(UUID projectId, OutputStream out) throws IOException {
        zipExport.export(projectId, out);
    }

    /**
     * @return how many files the archive put into the project
     * @throws TooManyRequests when the author runs {@code max-concurrent-imports-per-user} imports already
     * @throws ServiceBusy     when this node runs {@code max-concurrent-imports} already
     */
    public int importZip(UUID projectId, InputStream upload, UUID authorId) {
        try (ConcurrencyLimit.Slot slot = imports.acquire(authorId.toString(), Duration.ZERO,
                ArchiveService::tooManyImports, ArchiveService::importBusy)) {
            return importStaged(projectId, upload, authorId);
        }
    }

    private static TooManyRequests tooManyImports() {
        return new TooManyRequests("too-many-imports", "Too many imports",
                "You are importing another archive already; try again when it is done.", RETRY_AFTER);
    }

    private static ServiceBusy importBusy() {
        return new ServiceBusy("import-busy", "Archive imports busy",
                "This server is importing as many archives as it can at once; try again in a moment.", RETRY_AFTER);
    }

    private int importStaged(UUID projectId, InputStream upload, UUID authorId) {
        try (StagedArchive staged = zipImport.stage(upload)) {
            locks.run(projectId, () -> {
                try (OpenDirectory root = roots.open(projectId)) {
                    checkAgainstTree(projectId, root, staged);
                    staged.directories().forEach(dir -> root.descend(dir, true).close());
                    staged.files().forEach(file -> moveIn(projectId, root, file));
                }
                usage.invalidate(projectId);
                index.syncAll(projectId);
                record(projectId, staged.files(), authorId);
            });
            return staged.files().size();
        }
    }

    private void checkAgainstTree(UUID projectId, OpenDirectory root, StagedArchive staged) {
        long replacedBytes = 0, replacedFiles = 0;
        for (StagedFile file : staged.files()) {
            var existing = existingFile(root, file.path());
            replacedBytes += existing == null ? 0 : existing.size();
            replacedFiles += existing == null ? 0 : 1;
        }
        staged.directories().forEach(dir -> checkDirectory(root, dir));
        usage.check(projectId, staged.totalSize() - replacedBytes, staged.files().size() - replacedFiles);
        history.makeRoom(projectId, HistoryBudget.contents(versionsOf(staged.files())));
    }

    /**
     * @return the regular file the entry would replace, or null when there is none yet
     * @throws UnsafeLink, PathConflict when a link or a file stands where the entry's directories or
     *                                  the entry itself would go
     */
    private static BasicFileAttributes existingFile(OpenDirectory root, ProjectPath path) {
        try (OpenDirectory parent = root.parentOf(path, false)) {
            BasicFileAttributes attrs = parent.attributes(path.name()).orElse(null);
            if (attrs == null) return null;
            if (attrs.isSymbolicLink()) throw new UnsafeLink("The path " + path + " is a symbolic link; the server never writes through links.");
            if (attrs.isDirectory()) throw new PathConflict("The path " + path + " is a directory.");
            return attrs.isRegularFile() ? attrs : null;
        } catch (FileNotFound missingParent) {
            return null; // made by the import
        }
    }

    private static void checkDirectory(OpenDirectory root, ProjectPath dir) {
        try {
            root.descend(dir, false).close();
        } catch (FileNotFound missing) {
            // made by the import
        }
    }

    private void moveIn(UUID projectId, OpenDirectory root, StagedFile file) {
        blobs.storeStaged(projectId, file.sha256(), file.staged());
        try (OpenDirectory parent = root.parentOf(file.path(), true); InputStream in = Files.newInputStream(file.staged())) {
            parent.write(file.path().name(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<NewVersion> versionsOf(List<StagedFile> files) {
        return files.stream().map(f -> new NewVersion(f.path().value(), f.size(), f.sha256())).toList();
    }

    private void record(UUID projectId, List<StagedFile> files, UUID authorId) {
        List<NewVersion> recorded = versionsOf(files);
        events.inTransaction(publish -> {
            versions.recordAll(projectId, recorded, authorId, FileOrigin.api);
            Map<String, Long> latest = versions.latestNumbers(projectId);
            recorded.forEach(v -> publish.accept(new FileChanged(projectId, v.path(), latest.get(v.path()), FileOrigin.api)));
            return null;
        });
    }
}
