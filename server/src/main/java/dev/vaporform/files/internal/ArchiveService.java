package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;

/**
 * Zip import and export. An import is staged and checked whole by {@link ZipImport}; then,
 * under the project's lock, it is checked against the tree (conflicts, quota) and only then
 * moved in, file by file, each replacing any file at its path, with a version per file.
 */
@Service
public class ArchiveService {

    private final ZipImport zipImport;
    private final ZipExport zipExport;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final ProjectUsage usage;
    private final Blobs blobs;
    private final FileVersions versions;
    private final FileEvents events;
    private final IndexUpdates index;

    ArchiveService(ZipImport zipImport, ZipExport zipExport, ProjectRoots roots, ProjectLocks locks, ProjectUsage usage,
                   Blobs blobs, FileVersions versions, FileEvents events, IndexUpdates index) {
        this.zipImport = zipImport;
        this.zipExport = zipExport;
        this.roots = roots;
        this.locks = locks;
        this.usage = usage;
        this.blobs = blobs;
        this.versions = versions;
        this.events = events;
        this.index = index;
    }

    /** Streams the project as a zip. */
    public void export(UUID projectId, OutputStream out) throws IOException {
        zipExport.export(projectId, out);
    }

    /** @return how many files the archive put into the project */
    public int importZip(UUID projectId, InputStream upload, UUID authorId) {
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

    private void record(UUID projectId, List<StagedFile> files, UUID authorId) {
        List<NewVersion> recorded = files.stream().map(f -> new NewVersion(f.path().value(), f.size(), f.sha256())).toList();
        events.inTransaction(publish -> {
            versions.recordAll(projectId, recorded, authorId, FileOrigin.api);
            Map<String, Long> latest = versions.latestNumbers(projectId);
            recorded.forEach(v -> publish.accept(new FileChanged(projectId, v.path(), latest.get(v.path()), FileOrigin.api)));
            return null;
        });
    }
}
