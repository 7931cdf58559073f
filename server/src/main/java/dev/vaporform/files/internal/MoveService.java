package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.FileExists;
import dev.vaporform.files.FileMoved;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.FileVersions.NewVersion;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.OpenDirectory;
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
            List<NewVersion> moved;
            try (OpenDirectory root = roots.open(projectId); OpenDirectory sourceParent = root.parentOf(from, false)) {
                BasicFileAttributes attrs = sourceParent.attributes(from.name())
                        .orElseThrow(() -> new FileNotFound("There is nothing at " + from + "."));
                try (OpenDirectory targetParent = root.parentOf(to, true)) {
                    if (targetParent.attributes(to.name()).isPresent()) throw new FileExists("A file or folder named " + to + " exists already.");
                    sourceParent.rename(from.name(), targetParent, to.name());
                    index.delete(projectId, from.value());
                    index.added(projectId, to.value());
                    moved = movedFiles(projectId, attrs, targetParent, to);
                }
            }
            events.inTransaction(publish -> {
                for (NewVersion version : moved) {
                    versions.record(projectId, version, authorId, FileOrigin.api);
                    String oldPath = from.value() + version.path().substring(to.value().length());
                    publish.accept(new FileMoved(projectId, oldPath, version.path(), FileOrigin.api, authorId));
                }
                return null;
            });
        });
    }

    private List<NewVersion> movedFiles(UUID projectId, BasicFileAttributes attrs, OpenDirectory targetParent, ProjectPath to) {
        List<NewVersion> moved = new ArrayList<>();
        if (attrs.isRegularFile()) {
            fileVersion(projectId, targetParent, to.name(), to.value()).ifPresent(moved::add);
        } else if (attrs.isDirectory()) {
            try (OpenDirectory directory = targetParent.directory(to.name())) {
                TreeWalk.walk(directory, (path, a, parent, name) -> {
                    if (a.isRegularFile()) fileVersion(projectId, parent, name, path).ifPresent(moved::add);
                });
            } catch (FileNotFound | UnsafeLink | PathConflict swappedMeanwhile) {
                // what moved is no directory any more: there is nothing below it to record
            }
        }
        return moved;
    }

    /** Records the bytes the server reads itself: a file swapped for a link meanwhile is not read, and gets no version. */
    private Optional<NewVersion> fileVersion(UUID projectId, OpenDirectory parent, String name, String path) {
        try (InputStream in = parent.openRead(name)) {
            Blobs.Stored stored = blobs.store(projectId, in); // it may have been written on disk, never stored
            return Optional.of(new NewVersion(path, stored.size(), stored.sha256()));
        } catch (FileNotFound | UnsafeLink | PathConflict swappedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
