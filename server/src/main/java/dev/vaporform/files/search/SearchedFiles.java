package dev.vaporform.files.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.vaporform.files.storage.ProjectRoots;

/**
 * Reads the candidates of one search. A file is read only if it is a regular file (not a link)
 * whose directory's real path is inside the project root, is not over the index's size cap, and
 * looks like text. Each directory's real path is resolved once per search: candidates share
 * few directories, and resolving a path costs a system call per segment.
 */
final class SearchedFiles {

    private final Path root;
    private final long maxSize;
    private final Map<Path, Boolean> directoryInside = new ConcurrentHashMap<>();

    SearchedFiles(Path realRoot, long maxSize) {
        this.root = realRoot;
        this.maxSize = maxSize;
    }

    /** @return the file's bytes, or null when it is gone, not a regular text file, too big or outside the root */
    byte[] read(String path) {
        Path file = root.resolve(path);
        Optional<BasicFileAttributes> attrs = ProjectRoots.attributes(file);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() > maxSize) return null;
        if (!directoryInside.computeIfAbsent(file.getParent(), this::isInside)) return null; // a parent was swapped for a link
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) { // and the file itself is no link
            byte[] content = in.readAllBytes();
            return IndexedText.isText(content) ? content : null;
        } catch (IOException e) {
            return null; // gone or replaced meanwhile: it is simply not a hit
        }
    }

    private boolean isInside(Path directory) {
        try {
            return directory.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }
}
