package dev.vaporform.files.internal;

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
import dev.vaporform.files.storage.OpenDirectory;
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
        List<FileEntry> entries = new ArrayList<>();
        try (OpenDirectory root = roots.open(projectId)) {
            TreeWalk.walk(root, (path, attrs, parent, name) -> entries.add(entry(path, attrs)));
        }
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
            try (OpenDirectory root = roots.open(projectId); OpenDirectory parent = root.parentOf(path, true)) {
                if (parent.attributes(path.name()).isPresent()) throw new FileExists("A file or folder named " + path + " exists already.");
                parent.createDirectory(path.name());
                parent.directory(path.name()).close(); // what is there now must be a directory, not a link or file
            }
        });
    }

    /**
     * Deletes a file or link (never what a link points to), or a directory: an empty one
     * always, a non-empty one only when {@code recursive}.
     *
     * @throws FileNotFound      when nothing is there
     * @throws DirectoryNotEmpty for a non-empty directory without {@code recursive}
     */
    public void delete(UUID projectId, String rawPath, boolean recursive, UUID authorId) {
        ProjectPath path = properties.path(rawPath);
        List<Object> deleted = locks.with(projectId, () -> {
            try (OpenDirectory root = roots.open(projectId); OpenDirectory parent = root.parentOf(path, false)) {
                BasicFileAttributes attrs = parent.attributes(path.name())
                        .orElseThrow(() -> new FileNotFound("There is nothing at " + path + "."));
                List<Object> gone = attrs.isDirectory() ? deleteDirectory(projectId, parent, path, recursive, authorId)
                        : deleteFile(projectId, parent, path, authorId);
                usage.invalidate(projectId);
                index.delete(projectId, path.value());
                return gone;
            }
        });
        events.publish(deleted);
    }

    private List<Object> deleteDirectory(UUID projectId, OpenDirectory parent, ProjectPath path, boolean recursive, UUID authorId) {
        List<Object> gone = new ArrayList<>();
        try (OpenDirectory directory = parent.directory(path.name())) {
            TreeWalk.walk(directory, (sub, a, p, n) -> {
                if (!a.isDirectory()) gone.add(new FileDeleted(projectId, sub, FileOrigin.api, authorId));
            });
            if (!recursive && !directory.names().isEmpty()) {
                throw new DirectoryNotEmpty("The path " + path + " is a directory that is not empty; delete it with recursive=true.");
            }
        }
        parent.deleteTree(path.name());
        return gone;
    }

    private static List<Object> deleteFile(UUID projectId, OpenDirectory parent, ProjectPath path, UUID authorId) {
        parent.deleteFile(path.name()); // on a link this removes the link itself
        return List.of(new FileDeleted(projectId, path.value(), FileOrigin.api, authorId));
    }

    private static FileEntry entry(String path, BasicFileAttributes attrs) {
        String type = attrs.isSymbolicLink() ? "link" : attrs.isDirectory() ? "dir" : "file";
        long size = attrs.isRegularFile() ? attrs.size() : 0;
        return new FileEntry(path, type, size, attrs.lastModifiedTime().toInstant());
    }
}
