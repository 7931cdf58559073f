package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;

/**
 * Walks a project's tree without ever following a link (links are reported, not entered) and
 * without the server's own temporary files. Entries that vanish mid-walk (a build deleting
 * files) are skipped rather than failing the walk.
 */
public final class TreeWalk {

    private TreeWalk() {}

    /**
     * Calls {@code visitor} with each entry below {@code start} (not {@code start} itself), its
     * path relative to {@code root} ({@code /}-separated) and its own attributes.
     */
    public static void walk(Path root, Path start, BiConsumer<String, BasicFileAttributes> visitor) {
        if (ProjectRoots.attributes(start).isEmpty()) return;
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start)) visitor.accept(relative(root, dir), attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!file.getFileName().toString().startsWith(DiskWrites.TEMP_PREFIX)) {
                        visitor.accept(relative(root, file), attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw failure;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code entry} relative to {@code root}, {@code /}-separated */
    public static String relative(Path root, Path entry) {
        return root.relativize(entry).toString().replace(java.io.File.separatorChar, '/');
    }
}
