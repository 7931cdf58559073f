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
import java.util.UUID;

import dev.vaporform.files.ProjectPath;

/**
 * Low-level disk changes in the server's own directories (blobs, indexes, staging), which no
 * workspace can reach: atomic moves and recursive deletion by path. Inside a project tree every
 * change goes through {@link OpenDirectory} instead. Temporary files in a project tree carry
 * {@link #TEMP_PREFIX} so the tree, the index and the watcher ignore them.
 */
public final class DiskWrites {

    /** Prefix of the temporary files written next to their target. */
    public static final String TEMP_PREFIX = ProjectPath.RESERVED_PREFIX + "tmp-";

    private DiskWrites() {}

    /** Moves a file over {@code target} atomically (a rename); a copy when they are on different filesystems. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
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
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
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

}
