package dev.vaporform.files.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.files.storage.OpenDirectory;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.TreeWalk;

/**
 * Streams a project as a zip, file by file, never holding more than a buffer in memory.
 * Directories are included (so empty ones survive a round trip); links are left out: the
 * server does not follow them, and a link entry would be refused on import anyway.
 */
@Component
public class ZipExport {

    private final ProjectRoots roots;

    public ZipExport(ProjectRoots roots) {
        this.roots = roots;
    }

    /** Writes the project's zip to {@code out}. */
    public void export(UUID projectId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (OpenDirectory root = roots.open(projectId)) {
            TreeWalk.walk(root, (path, attrs, parent, name) -> {
                if (attrs.isSymbolicLink() || !(attrs.isDirectory() || attrs.isRegularFile())) return;
                try {
                    if (attrs.isDirectory()) putDirectory(zip, path, attrs.lastModifiedTime());
                    else putFile(zip, parent, name, path, attrs.lastModifiedTime());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.finish();
    }

    private static void putDirectory(ZipOutputStream zip, String path, FileTime modified) throws IOException {
        ZipEntry entry = new ZipEntry(path + "/");
        entry.setLastModifiedTime(modified);
        zip.putNextEntry(entry);
        zip.closeEntry();
    }

    private static void putFile(ZipOutputStream zip, OpenDirectory parent, String name, String path, FileTime modified) throws IOException {
        InputStream in;
        try {
            in = parent.openRead(name);
        } catch (FileNotFound | UnsafeLink | PathConflict vanishedOrSwapped) {
            return;
        }
        try (in) {
            ZipEntry entry = new ZipEntry(path);
            entry.setLastModifiedTime(modified);
            zip.putNextEntry(entry);
            in.transferTo(zip);
            zip.closeEntry();
        }
    }
}
