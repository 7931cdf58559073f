package dev.vaporform.files.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.FileTooLarge;
import dev.vaporform.files.FileVersion;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.StaleFileVersion;
import dev.vaporform.files.VersionPruned;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.FileVersions.NewVersion;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.Hashes;
import dev.vaporform.files.storage.HistoryBudget;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;
import dev.vaporform.files.storage.OpenDirectory;

/**
 * Reading and writing single files, with their versions. Every step runs under the project's
 * lock. Before a file is served or compared with an {@code If-Match}, its bytes are checked
 * against its latest version and a disk version is recorded when they differ, so an ETag
 * always names exactly the bytes it came with.
 */
@Service
public class FileService {

    /** The result of a write: the version recorded, and whether the file is new. */
    public record Written(FileVersion version, boolean created) {}

    private final FilesProperties properties;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final FileVersions versions;
    private final Blobs blobs;
    private final ProjectUsage usage;
    private final FileEvents events;
    private final IndexUpdates index;
    private final HistoryBudget history;

    FileService(FilesProperties properties, ProjectRoots roots, ProjectLocks locks, FileVersions versions, Blobs blobs,
                ProjectUsage usage, FileEvents events, IndexUpdates index, HistoryBudget history) {
        this.properties = properties;
        this.roots = roots;
        this.locks = locks;
        this.versions = versions;
        this.blobs = blobs;
        this.usage = usage;
        this.events = events;
        this.index = index;
        this.history = history;
    }

    /** @see dev.vaporform.files.ProjectFiles#read */
    public FileContent read(UUID projectId, String rawPath) {
        ProjectPath path = properties.path(rawPath);
        return locks.with(projectId, () -> {
            try (OpenDirectory root = roots.open(projectId); OpenDirectory parent = root.parentOf(path, false)) {
                byte[] bytes = readLimited(parent, path);
                return new FileContent(path.value(), bytes, current(projectId, path, bytes));
            }
        });
    }

    /** @see dev.vaporform.files.ProjectFiles#write */
    public Written write(UUID projectId, String rawPath, byte[] content, UUID authorId, Long ifMatch) {
        ProjectPath path = properties.path(rawPath);
        checkSize(content.length);
        return locks.with(projectId, () -> {
            try (OpenDirectory root = roots.open(projectId); OpenDirectory parent = root.parentOf(path, true)) {
                return write(projectId, parent, path, content, authorId, ifMatch);
            }
        });
    }

    private Written write(UUID projectId, OpenDirectory parent, ProjectPath path, byte[] content, UUID authorId, Long ifMatch) {
        Optional<BasicFileAttributes> before = parent.attributes(path.name());
        FileVersion current = before.isPresent() && before.get().isRegularFile() && before.get().size() <= properties.maxFileSize().toBytes()
                ? current(projectId, path, readLimited(parent, path)) : null;
        if (ifMatch != null && (current == null || ifMatch != 0 && current.version() != ifMatch)) {
            throw new StaleFileVersion("The file is at version " + (current == null ? "none" : current.version())
                    + ", not " + ifMatch + "; nothing was written.", Map.of("currentVersion", current == null ? 0 : current.version()));
        }
        long oldSize = before.map(BasicFileAttributes::size).orElse(0L);
        usage.check(projectId, content.length - oldSize, before.isPresent() ? 0 : 1);
        String sha = Hashes.of(content);
        history.makeRoom(projectId, HistoryBudget.content(sha, content.length));
        blobs.store(projectId, sha, content);
        parent.write(path.name(), content);
        usage.adjust(projectId, content.length - oldSize, before.isPresent() ? 0 : 1);
        parent.attributes(path.name()).ifPresent(attrs -> index.put(projectId, path.value(), content, sha, attrs));
        FileVersion version = events.inTransaction(publish -> {
            FileVersion recorded = versions.record(projectId, new NewVersion(path.value(), content.length, sha), authorId, FileOrigin.api);
            publish.accept(new FileChanged(projectId, path.value(), recorded.version(), FileOrigin.api));
            return recorded;
        });
        return new Written(version, before.isEmpty());
    }

    /** @see dev.vaporform.files.ProjectFiles#history */
    public List<FileVersion> history(UUID projectId, String rawPath) {
        ProjectPath path = properties.path(rawPath);
        return locks.with(projectId, () -> {
            syncIfPresent(projectId, path);
            List<FileVersion> list = versions.list(projectId, path.value());
            if (list.isEmpty()) throw new FileNotFound("There is no file or history at " + path + ".");
            return list;
        });
    }

    /** @return one recorded version and its bytes @throws FileNotFound when there is no such version */
    public FileContent version(UUID projectId, String rawPath, long number) {
        ProjectPath path = properties.path(rawPath);
        FileVersion version = versions.find(projectId, path.value(), number)
                .orElseThrow(() -> new FileNotFound("There is no version " + number + " of " + path + "."));
        if (version.pruned()) {
            throw new VersionPruned("Version " + number + " of " + path + " was pruned at " + version.prunedAt()
                    + " to keep the project's history within max-history-size; its content is gone.",
                    Map.of("version", number, "prunedAt", version.prunedAt().toString()));
        }
        return new FileContent(path.value(), blobs.read(projectId, version.sha256()), version);
    }

    private void syncIfPresent(UUID projectId, ProjectPath path) {
        try (OpenDirectory root = roots.open(projectId); OpenDirectory parent = root.parentOf(path, false)) {
            var attrs = parent.attributes(path.name());
            parent.refuseLink(path.name()); // the history of a link is refused as a read of it would be
            if (attrs.isPresent() && attrs.get().isRegularFile() && attrs.get().size() <= properties.maxFileSize().toBytes()) {
                current(projectId, path, readLimited(parent, path));
            }
        } catch (FileNotFound gone) {
            // only its history remains
        }
    }

    private FileVersion current(UUID projectId, ProjectPath path, byte[] bytes) {
        String sha = Hashes.of(bytes);
        Optional<FileVersion> latest = versions.latest(projectId, path.value());
        if (latest.isPresent() && latest.get().sha256().equals(sha)) return latest.get();
        history.makeRoomIfPossible(projectId, HistoryBudget.content(sha, bytes.length));
        blobs.store(projectId, sha, bytes);
        return versions.record(projectId, new NewVersion(path.value(), bytes.length, sha), null, FileOrigin.disk);
    }

    private byte[] readLimited(OpenDirectory parent, ProjectPath path) {
        byte[] bytes = parent.read(path.name(), properties.maxFileSize().toBytes());
        checkSize(bytes.length);
        return bytes;
    }

    private void checkSize(long size) {
        long max = properties.maxFileSize().toBytes();
        if (size > max) {
            throw new FileTooLarge("The file is larger than the limit of " + max + " bytes (max-file-size).",
                    Map.of("limit", "max-file-size", "max", max));
        }
    }
}
