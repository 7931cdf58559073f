package dev.vaporform.files.search;

import java.nio.file.ClosedDirectoryStreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.files.storage.OpenDirectory;

/**
 * Reads the candidates of one search through open directory handles: a file is read only if it
 * is a regular file (not a link) reached from the project's root without passing a link, is not
 * over the index's size cap, and looks like text. Each directory is opened once per search and
 * shared by the search threads: candidates share few directories, and opening one costs a
 * system call per segment.
 */
final class SearchedFiles implements AutoCloseable {

    private final OpenDirectory root;
    private final long maxSize;
    private final Map<String, Optional<OpenDirectory>> directories = new ConcurrentHashMap<>();

    SearchedFiles(OpenDirectory root, long maxSize) {
        this.root = root;
        this.maxSize = maxSize;
    }

    /** @return the file's bytes, or null when it is gone, not a regular text file, too big or behind a link */
    byte[] read(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        try {
            Optional<OpenDirectory> parent = slash < 0 ? Optional.of(root) : directories.computeIfAbsent(path.substring(0, slash), this::open);
            if (parent.isEmpty()) return null;
            var attrs = parent.get().attributes(name);
            if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() > maxSize) return null;
            byte[] content = parent.get().read(name, maxSize);
            return content.length <= maxSize && IndexedText.isText(content) ? content : null;
        } catch (FileNotFound | UnsafeLink | PathConflict | ClosedDirectoryStreamException goneOrSwapped) {
            return null; // gone or replaced meanwhile, or the search is over: it is simply not a hit
        }
    }

    private Optional<OpenDirectory> open(String directory) {
        try {
            return Optional.of(root.descend(List.of(directory.split("/")), false));
        } catch (FileNotFound | UnsafeLink | PathConflict notReachable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        List<Optional<OpenDirectory>> open = new ArrayList<>(directories.values());
        directories.clear();
        open.forEach(d -> d.ifPresent(OpenDirectory::close));
        root.close();
    }
}
