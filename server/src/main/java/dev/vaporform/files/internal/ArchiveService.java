package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.archive.StagedArchive;
import dev.vaporform.files.archive.StagedArchive.StagedFile;
import dev.vaporform.files.archive.ZipExport;
import dev.vaporform.files.archive.ZipImport;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.DiskWrites;
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
                checkAgainstTree(projectId, staged);
                staged.directories().forEach(dir -> roots.directories(projectId, dir));
                staged.files().forEach(file -> moveIn(projectId, file));
                usage.invalidate(projectId);
                index.syncAll(projectId);
                record(projectId, staged.files(), authorId);
            });
            return staged.files().size();
        }
    }

    private void checkAgainstTree(UUID projectId, StagedArchive staged) {
        long replacedBytes = 0, replacedFiles = 0;
        for (StagedFile file : staged.files()) {
            roots.checkWritable(projectId, file.path());
            var existing = existingFile(projectId, file);
            replacedBytes += existing == null ? 0 : existing.size();
            replacedFiles += existing == null ? 0 : 1;
        }
        staged.directories().forEach(dir -> roots.checkWritable(projectId, dir.parent() == null ? dir : dir.parent()));
        usage.check(projectId, staged.totalSize() - replacedBytes, staged.files().size() - replacedFiles);
    }

    private BasicFileAttributes existingFile(UUID projectId, StagedFile file) {
        try {
            return ProjectRoots.attributes(roots.entry(projectId, file.path())).filter(BasicFileAttributes::isRegularFile).orElse(null);
        } catch (RuntimeException missingParent) {
            return null;
        }
    }

    private void moveIn(UUID projectId, StagedFile file) {
        Path target = roots.forWrite(projectId, file.path());
        blobs.storeCopy(projectId, file.sha256(), file.staged());
        try {
            DiskWrites.moveIntoPlace(file.staged(), target);
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
