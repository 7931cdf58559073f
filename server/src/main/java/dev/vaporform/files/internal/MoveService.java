package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.FileExists;
import dev.vaporform.files.FileMoved;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.FileVersions.NewVersion;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.Hashes;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.TreeWalk;

/**
 * Moves and renames: one rename on disk (a link moves as a link), then every file that moved
 * gets a version at its new path and a {@link FileMoved} event.
 */
@Service
public class MoveService {

    private final FilesProperties properties;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final FileVersions versions;
    private final Blobs blobs;
    private final FileEvents events;
    private final IndexUpdates index;

    MoveService(FilesProperties properties, ProjectRoots roots, ProjectLocks locks, FileVersions versions, Blobs blobs,
                FileEvents events, IndexUpdates index) {
        this.properties = properties;
        this.roots = roots;
        this.locks = locks;
        this.versions = versions;
        this.blobs = blobs;
        this.events = events;
        this.index = index;
    }

    /**
     * Moves {@code from} to {@code to}, creating {@code to}'s missing parents.
     *
     * @throws FileNotFound when nothing is at {@code from}
     * @throws FileExists   when something is at {@code to}
     * @throws PathConflict when moving a directory into itself
     */
    public void move(UUID projectId, String rawFrom, String rawTo, UUID authorId) {
        ProjectPath from = properties.path(rawFrom);
        ProjectPath to = properties.path(rawTo);
        if (to.isWithin(from)) throw new PathConflict("Cannot move " + from + " into itself.");
        locks.run(projectId, () -> {
            Path source = roots.entry(projectId, from);
            BasicFileAttributes attrs = ProjectRoots.attributes(source)
                    .orElseThrow(() -> new FileNotFound("There is nothing at " + from + "."));
            Path parent = to.parent() == null ? roots.realRoot(projectId) : roots.directories(projectId, to.parent());
            Path target = parent.resolve(to.name());
            if (ProjectRoots.attributes(target).isPresent()) throw new FileExists(to + " exists already.");
            rename(source, target, to);
            index.delete(projectId, source);
            index.added(projectId, target);
            List<NewVersion> moved = movedFiles(projectId, attrs, target, to);
            events.inTransaction(publish -> {
                for (NewVersion version : moved) {
                    versions.record(projectId, version, authorId, FileOrigin.api);
                    String oldPath = from.value() + version.path().substring(to.value().length());
                    publish.accept(new FileMoved(projectId, oldPath, version.path(), FileOrigin.api));
                }
                return null;
            });
        });
    }

    private List<NewVersion> movedFiles(UUID projectId, BasicFileAttributes attrs, Path target, ProjectPath to) {
        List<NewVersion> moved = new ArrayList<>();
        if (attrs.isRegularFile()) {
            moved.add(fileVersion(projectId, target, to.value(), attrs.size()));
        } else if (attrs.isDirectory()) {
            TreeWalk.walk(target, target, (sub, a) -> {
                if (a.isRegularFile()) moved.add(fileVersion(projectId, target.resolve(sub), to.value() + "/" + sub, a.size()));
            });
        }
        return moved;
    }

    private NewVersion fileVersion(UUID projectId, Path file, String path, long size) {
        String sha = Hashes.of(file);
        blobs.storeCopy(projectId, sha, file); // it may have been written on disk, never stored
        return new NewVersion(path, size, sha);
    }

    private static void rename(Path source, Path target, ProjectPath to) {
        try {
            Files.move(source, target, LinkOption.NOFOLLOW_LINKS); // no REPLACE_EXISTING: refuse to clobber
        } catch (FileAlreadyExistsException e) {
            throw new FileExists(to + " exists already.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
