package dev.vaporform.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.files.DirectoryNotEmpty;
import dev.vaporform.files.FileDeleted;
import dev.vaporform.files.FileEntry;
import dev.vaporform.files.FileExists;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.storage.DiskWrites;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;
import dev.vaporform.files.storage.TreeWalk;

/** The shape of a project's tree: listing, directories, deletion. Moves are {@link MoveService}'s. */
@Service
public class TreeService {

    private final FilesProperties properties;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final ProjectUsage usage;
    private final FileEvents events;
    private final IndexUpdates index;

    TreeService(FilesProperties properties, ProjectRoots roots, ProjectLocks locks, ProjectUsage usage, FileEvents events,
                IndexUpdates index) {
        this.properties = properties;
        this.roots = roots;
        this.locks = locks;
        this.usage = usage;
        this.events = events;
        this.index = index;
    }

    /** @see dev.vaporform.files.ProjectFiles#tree */
    public List<FileEntry> tree(UUID projectId) {
        Path root = roots.realRoot(projectId);
        List<FileEntry> entries = new ArrayList<>();
        TreeWalk.walk(root, root, (path, attrs) -> entries.add(entry(path, attrs)));
        entries.sort(Comparator.comparing(FileEntry::path));
        return entries;
    }

    /**
     * Creates a directory and its missing parents.
     *
     * @throws FileExists when something is already there
     */
    public void mkdir(UUID projectId, String rawPath) {
        ProjectPath path = properties.path(rawPath);
        locks.run(projectId, () -> {
            if (exists(projectId, path)) throw new FileExists(path + " exists already.");
            roots.directories(projectId, path);
        });
    }

    /**
     * Deletes a file or link (never what a link points to), or a directory: an empty one
     * always, a non-empty one only when {@code recursive}.
     *
     * @throws FileNotFound      when nothing is there
     * @throws DirectoryNotEmpty for a non-empty directory without {@code recursive}
     */
    public void delete(UUID projectId, String rawPath, boolean recursive) {
        ProjectPath path = properties.path(rawPath);
        List<Object> deleted = locks.with(projectId, () -> {
            Path entry = roots.entry(projectId, path);
            BasicFileAttributes attrs = ProjectRoots.attributes(entry)
                    .orElseThrow(() -> new FileNotFound("There is nothing at " + path + "."));
            List<Object> gone = new ArrayList<>();
            if (attrs.isDirectory()) {
                TreeWalk.walk(entry, entry, (sub, a) -> {
                    if (!a.isDirectory()) gone.add(new FileDeleted(projectId, path.value() + "/" + sub, FileOrigin.api));
                });
                if (!recursive && isNotEmpty(entry)) {
                    throw new DirectoryNotEmpty(path + " is a directory that is not empty; delete it with recursive=true.");
                }
                DiskWrites.deleteTree(entry);
            } else {
                deleteEntry(entry);
                gone.add(new FileDeleted(projectId, path.value(), FileOrigin.api));
            }
            usage.invalidate(projectId);
            index.delete(projectId, entry);
            return gone;
        });
        events.publish(deleted);
    }

    private boolean exists(UUID projectId, ProjectPath path) {
        try {
            return ProjectRoots.attributes(roots.entry(projectId, path)).isPresent();
        } catch (FileNotFound missingParent) {
            return false;
        }
    }

    private static boolean isNotEmpty(Path directory) {
        try (var children = Files.list(directory)) {
            return children.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteEntry(Path entry) {
        try {
            Files.delete(entry); // on a link this removes the link itself
        } catch (java.nio.file.NoSuchFileException e) {
            // gone meanwhile: the end state is what was asked
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileEntry entry(String path, BasicFileAttributes attrs) {
        String type = attrs.isSymbolicLink() ? "link" : attrs.isDirectory() ? "dir" : "file";
        long size = attrs.isRegularFile() ? attrs.size() : 0;
        return new FileEntry(path, type, size, attrs.lastModifiedTime().toInstant());
    }
}
