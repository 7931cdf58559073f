package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

import dev.vaporform.files.ProjectPath;

/**
 * Low-level disk changes: atomic replacement and link-safe recursive deletion. Temporary files
 * carry {@link ProjectPath#RESERVED_PREFIX} so the tree, the index and the watcher ignore them.
 */
public final class DiskWrites {

    /** Prefix of the temporary files written next to their target. */
    public static final String TEMP_PREFIX = ProjectPath.RESERVED_PREFIX + "tmp-";

    private DiskWrites() {}

    /**
     * Replaces (or creates) {@code target} with {@code content} in one rename: readers see the old
     * bytes or the new, never a mix. A replaced file keeps its permissions (e.g. executable).
     */
    public static void writeAtomically(Path target, byte[] content) {
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.write(temp, content);
            keepPermissions(target, temp);
            Ownership.matchParent(temp, target.getParent());
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file over {@code target} atomically (a rename); a copy when they are on different filesystems. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        Ownership.matchParent(source, target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
            Files.copy(source, temp, LinkOption.NOFOLLOW_LINKS);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
        }
    }

    /** Deletes a tree without following links: a link is removed, never what it points to. */
    public static void deleteTree(Path root) {
        if (ProjectRoots.attributes(root).isEmpty()) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepPermissions(Path target, Path temp) {
        try {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) return;
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(temp, permissions);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a courtesy; the content is what matters
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
