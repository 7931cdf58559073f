package dev.vaporform.files.search;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of text files searched lately, least recently used dropped first beyond a byte
 * budget, so that successive searches of a project (a query refined while typing, the same one
 * again) do not read the same files each time. An entry is used only while the file on disk
 * still has the same identity (device and inode), size and modification time, which is what
 * the index itself trusts to tell whether a file changed since it was indexed; otherwise the
 * file is read again.
 * <p>
 * A file modified in the last {@link #SETTLED} is not remembered: file systems whose clocks tick
 * coarsely could give a second write in the same tick the same time, and the same size would
 * then hide it. A write made after the file had been settled that long gets a later time.
 */
final class RecentFiles {

    static final Duration SETTLED = Duration.ofSeconds(2);

    private record Entry(Object fileKey, long size, long modified, byte[] content) {}

    private final long budget;
    private final Map<Path, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    RecentFiles(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** @return the remembered content of the file, if the file still has the given attributes */
    synchronized byte[] get(Path file, BasicFileAttributes attrs) {
        Entry entry = entries.get(file);
        if (entry == null) return null;
        if (entry.size() == attrs.size() && entry.modified() == ProjectIndex.mtime(attrs)
                && Objects.equals(entry.fileKey(), attrs.fileKey())) {
            return entry.content();
        }
        bytes -= entries.remove(file).content().length;
        return null;
    }

    /** Remembers a file's content as read while it had the given attributes; the caller must never change it. */
    synchronized void put(Path file, BasicFileAttributes attrs, byte[] content) {
        if (attrs.fileKey() == null || content.length > budget / 8 || content.length != attrs.size()) return;
        if (attrs.lastModifiedTime().toInstant().isAfter(Instant.now().minus(SETTLED))) return;
        Entry previous = entries.put(file, new Entry(attrs.fileKey(), attrs.size(), ProjectIndex.mtime(attrs), content));
        if (previous != null) bytes -= previous.content().length;
        bytes += content.length;
        for (Iterator<Entry> oldest = entries.values().iterator(); bytes > budget && oldest.hasNext(); ) {
            bytes -= oldest.next().content().length;
            oldest.remove();
        }
    }
}
