package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.platform.PlatformProperties;

/**
 * Where each project's tree lives and how a {@link ProjectPath} becomes a place on disk.
 * Containment is decided on real paths with {@link Path#startsWith(Path)} (never string
 * prefixes): a link is followed only when where it really leads is inside the project's real
 * root. A workspace process could still swap a directory for a link between the check and the
 * use; the container's own confinement, not this class, bounds what such a race could reach.
 */
@Component
public class ProjectRoots {

    private final Path projectsDirectory;

    public ProjectRoots(PlatformProperties platform) {
        this.projectsDirectory = platform.homeDirectory().resolve("projects");
    }

    /** @return {@code <home>/projects/<projectId>}, created when missing */
    public Path root(UUID projectId) {
        Path root = projectsDirectory.resolve(projectId.toString());
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** @return the root's real path, the base every containment check compares against */
    public Path realRoot(UUID projectId) {
        try {
            return root(projectId).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the root without creating it, for clean-up */
    public Path rootIfExists(UUID projectId) {
        return projectsDirectory.resolve(projectId.toString());
    }

    /**
     * @return the real location of an existing file or directory, for reading
     * @throws FileNotFound when nothing is there (a dangling link counts as nothing)
     * @throws UnsafeLink   when a link on the way leads outside the root
     */
    public Path existing(UUID projectId, ProjectPath path) {
        Path root = realRoot(projectId);
        Path lexical = root.resolve(path.value());
        try {
            return inside(root, lexical.toRealPath(), path);
        } catch (NoSuchFileException e) {
            throw new FileNotFound("There is no file at " + path + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the entry itself (a link is not followed), inside its parent's real directory, for
     *         delete and move; it may not exist
     * @throws FileNotFound when the parent directory does not exist
     * @throws UnsafeLink   when the parent leads outside the root
     */
    public Path entry(UUID projectId, ProjectPath path) {
        Path root = realRoot(projectId);
        ProjectPath parent = path.parent();
        if (parent == null) return root.resolve(path.name());
        try {
            return inside(root, root.resolve(parent.value()).toRealPath(), path).resolve(path.name());
        } catch (NoSuchFileException e) {
            throw new FileNotFound("There is no directory " + parent + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the missing parent directories of {@code path} (never through a link that leads
     * out) and returns where its content should be written: the entry itself, or, when it is a
     * link that stays inside the root, the file it leads to.
     *
     * @throws PathConflict when a parent is a file, or the target is a directory
     * @throws UnsafeLink   when a parent or the target is a link out of the root (or dangling)
     */
    public Path forWrite(UUID projectId, ProjectPath path) {
        Path root = realRoot(projectId);
        Path parent = path.parent() == null ? root : directories(root, path.parent());
        Path target = parent.resolve(path.name());
        Optional<BasicFileAttributes> attributes = attributes(target);
        if (attributes.isEmpty()) return target;
        if (attributes.get().isSymbolicLink()) target = followInside(root, target, path);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new PathConflict(path + " is a directory.");
        }
        return target;
    }

    /**
     * Checks, creating nothing, that a file could be written at {@code path}: no parent is a
     * file or a link out of the root, and the path itself is not a directory.
     *
     * @throws PathConflict, UnsafeLink as {@link #forWrite} would
     */
    public void checkWritable(UUID projectId, ProjectPath path) {
        Path root = realRoot(projectId);
        Path current = root;
        String[] segments = path.value().split("/");
        for (int i = 0; i < segments.length; i++) {
            Path next = current.resolve(segments[i]);
            Optional<BasicFileAttributes> attributes = attributes(next);
            if (attributes.isEmpty()) return;
            if (attributes.get().isSymbolicLink()) next = followInside(root, next, path);
            boolean last = i == segments.length - 1;
            if (last && Files.isDirectory(next)) throw new PathConflict(path + " is a directory.");
            if (!last && !Files.isDirectory(next)) throw new PathConflict(path + " passes through a file.");
            current = next;
        }
    }

    /** Creates {@code dir} and its parents as needed; @return its real path */
    public Path directories(UUID projectId, ProjectPath dir) {
        return directories(realRoot(projectId), dir);
    }

    private Path directories(Path root, ProjectPath dir) {
        Path current = root;
        for (String segment : dir.value().split("/")) {
            Path next = current.resolve(segment);
            Optional<BasicFileAttributes> attributes = attributes(next);
            if (attributes.isEmpty()) {
                createDirectory(next);
            } else if (attributes.get().isSymbolicLink()) {
                next = followInside(root, next, dir);
                if (!Files.isDirectory(next)) throw new PathConflict(dir + " passes through a file.");
            } else if (!attributes.get().isDirectory()) {
                throw new PathConflict(dir + " passes through a file.");
            }
            current = next;
        }
        return current;
    }

    /** @return the path of {@code real} relative to the project root, or empty if it is outside */
    public Optional<String> relative(UUID projectId, Path real) {
        Path root = realRoot(projectId);
        return real.startsWith(root) && !real.equals(root)
                ? Optional.of(root.relativize(real).toString()) : Optional.empty();
    }

    /** @return the entry's own attributes (a link is not followed), or empty when nothing is there */
    public static Optional<BasicFileAttributes> attributes(Path entry) {
        try {
            return Optional.of(Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path followInside(Path root, Path link, ProjectPath path) {
        try {
            return inside(root, link.toRealPath(), path);
        } catch (NoSuchFileException e) {
            throw new UnsafeLink(path + " is a link that leads nowhere; the server does not write through it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path inside(Path root, Path real, ProjectPath path) {
        if (!real.startsWith(root)) {
            throw new UnsafeLink(path + " leads through a symbolic link outside the project; the server does not follow it.");
        }
        return real;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectory(dir);
            Ownership.matchParent(dir, dir.getParent());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created meanwhile (a workspace process): fine if it is a directory, checked by the caller's next step
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
