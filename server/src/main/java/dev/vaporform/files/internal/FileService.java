package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.StaleFileVersion;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.FileVersions.NewVersion;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.Hashes;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;
import dev.vaporform.files.storage.DiskWrites;

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

    FileService(FilesProperties properties, ProjectRoots roots, ProjectLocks locks, FileVersions versions, Blobs blobs,
                ProjectUsage usage, FileEvents events, IndexUpdates index) {
        this.properties = properties;
        this.roots = roots;
        this.locks = locks;
        this.versions = versions;
        this.blobs = blobs;
        this.usage = usage;
        this.events = events;
        this.index = index;
    }

    /** @see dev.vaporform.files.ProjectFiles#read */
    public FileContent read(UUID projectId, String rawPath) {
        ProjectPath path = properties.path(rawPath);
        return locks.with(projectId, () -> {
            Path file = roots.existing(projectId, path);
            if (Files.isDirectory(file)) throw new PathConflict(path + " is a directory.");
            byte[] bytes = readLimited(file, path);
            return new FileContent(path.value(), bytes, current(projectId, path, bytes));
        });
    }

    /** @see dev.vaporform.files.ProjectFiles#write */
    public Written write(UUID projectId, String rawPath, byte[] content, UUID authorId, Long ifMatch) {
        ProjectPath path = properties.path(rawPath);
        checkSize(content.length);
        return locks.with(projectId, () -> {
            Path target = roots.forWrite(projectId, path);
            Optional<BasicFileAttributes> before = ProjectRoots.attributes(target);
            FileVersion current = before.isPresent() && before.get().size() <= properties.maxFileSize().toBytes()
                    ? current(projectId, path, readLimited(target, path)) : null;
            if (ifMatch != null && (current == null || ifMatch != 0 && current.version() != ifMatch)) {
                throw new StaleFileVersion("The file is at version " + (current == null ? "none" : current.version())
                        + ", not " + ifMatch + "; nothing was written.", Map.of("currentVersion", current == null ? 0 : current.version()));
            }
            long oldSize = before.map(BasicFileAttributes::size).orElse(0L);
            usage.check(projectId, content.length - oldSize, before.isPresent() ? 0 : 1);
            String sha = Hashes.of(content);
            blobs.store(projectId, sha, content);
            DiskWrites.writeAtomically(target, content);
            usage.adjust(projectId, content.length - oldSize, before.isPresent() ? 0 : 1);
            index.put(projectId, target, content, sha);
            FileVersion version = events.inTransaction(publish -> {
                FileVersion recorded = versions.record(projectId, new NewVersion(path.value(), content.length, sha), authorId, FileOrigin.api);
                publish.accept(new FileChanged(projectId, path.value(), recorded.version(), FileOrigin.api));
                return recorded;
            });
            return new Written(version, before.isEmpty());
        });
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
        return new FileContent(path.value(), blobs.read(projectId, version.sha256()), version);
    }

    private void syncIfPresent(UUID projectId, ProjectPath path) {
        try {
            Path file = roots.existing(projectId, path);
            if (Files.isRegularFile(file) && Files.size(file) <= properties.maxFileSize().toBytes()) {
                current(projectId, path, readLimited(file, path));
            }
        } catch (FileNotFound gone) {
            // only its history remains
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileVersion current(UUID projectId, ProjectPath path, byte[] bytes) {
        String sha = Hashes.of(bytes);
        Optional<FileVersion> latest = versions.latest(projectId, path.value());
        if (latest.isPresent() && latest.get().sha256().equals(sha)) return latest.get();
        blobs.store(projectId, sha, bytes);
        return versions.record(projectId, new NewVersion(path.value(), bytes.length, sha), null, FileOrigin.disk);
    }

    private byte[] readLimited(Path file, ProjectPath path) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileSize().toBytes() + 1));
            checkSize(bytes.length);
            return bytes;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FileNotFound("There is no file at " + path + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkSize(long size) {
        long max = properties.maxFileSize().toBytes();
        if (size > max) {
            throw new FileTooLarge("The file is larger than the limit of " + max + " bytes (max-file-size).",
                    Map.of("limit", "max-file-size", "max", max));
        }
    }
}
