package dev.vaporform.files.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.springframework.stereotype.Component;

import dev.vaporform.files.ArchiveTooLarge;
import dev.vaporform.files.FileTooLarge;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.UnsafeArchive;
import dev.vaporform.files.storage.DiskWrites;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.Hashes;
import dev.vaporform.platform.PlatformProperties;

/**
 * Receives a zip upload and checks it completely before any of it reaches a project: the
 * upload's size while it streams in; then, from the central directory, every entry's name
 * (by the same rules as any path), type (no links, devices or pipes), declared sizes, the
 * entry count and the compression ratio; then, while inflating to a staging area, that no entry
 * inflates beyond what it declared (a lying header is a bomb too).
 */
@Component
public class ZipImport {

    private static final long RATIO_CHECK_FLOOR = 64 * 1024; // small files may compress very well, harmlessly
    private static final int S_IFMT = 0170000, S_IFREG = 0100000, S_IFDIR = 0040000;

    private final FilesProperties properties;
    private final Path temp;

    public ZipImport(FilesProperties properties, PlatformProperties platform) {
        this.properties = properties;
        this.temp = platform.homeDirectory().resolve("tmp");
    }

    /**
     * @return the archive staged outside the project
     * @throws ArchiveTooLarge over the upload size, entry count or compression ratio limits
     * @throws UnsafeArchive   for an entry that escapes, a link, a duplicate or an unreadable entry
     * @throws FileTooLarge    for an entry over {@code max-file-size}
     */
    public StagedArchive stage(InputStream upload) {
        Path staging = createStaging();
        try {
            Path zipFile = receive(upload, staging.resolve("upload.zip"));
            try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
                ZipChecks.Checked checked = new ZipChecks(properties).check(zip, Collections.list(zip.getEntries()));
                List<StagedArchive.StagedFile> files = extract(zip, checked.files(), staging);
                Files.delete(zipFile);
                return new StagedArchive(staging, files, checked.directories());
            }
        } catch (IOException e) {
            DiskWrites.deleteTree(staging);
            throw new UnsafeArchive("The upload is not a readable zip archive.");
        } catch (RuntimeException e) {
            DiskWrites.deleteTree(staging);
            throw e;
        }
    }

    private Path receive(InputStream upload, Path target) throws IOException {
        long max = properties.maxArchiveSize().toBytes();
        try (OutputStream out = Files.newOutputStream(target)) {
            if (copy(upload, out, max) > max) {
                throw new ArchiveTooLarge("The archive is larger than " + max + " bytes (max-archive-size).",
                        Map.of("limit", "max-archive-size", "max", max));
            }
        }
        return target;
    }

    private List<StagedArchive.StagedFile> extract(ZipFile zip, List<ZipChecks.CheckedEntry> entries, Path staging) throws IOException {
        List<StagedArchive.StagedFile> files = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ZipChecks.CheckedEntry entry = entries.get(i);
            Path staged = staging.resolve("f" + i); // names in staging never come from the archive
            MessageDigest digest = Hashes.sha256();
            long written;
            try (InputStream in = zip.getInputStream(entry.entry());
                 OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(staged), digest)) {
                written = copy(in, out, entry.entry().getSize());
            }
            if (written != entry.entry().getSize()) throw lyingEntry(entry.path());
            files.add(new StagedArchive.StagedFile(entry.path(), staged, written, Hashes.hex(digest)));
        }
        return files;
    }

    /** Copies at most {@code max + 1} bytes; @return how many were copied (more than max means over) */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total))) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
            if (total > max) break;
        }
        return total;
    }

    private static ArchiveTooLarge lyingEntry(ProjectPath path) {
        return new ArchiveTooLarge("The entry " + path + " inflates to a different size than it declares.",
                Map.of("limit", "declared-size", "entry", path.value()));
    }

    private Path createStaging() {
        try {
            Files.createDirectories(temp);
            return Files.createTempDirectory(temp, "import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLinkOrSpecial(ZipArchiveEntry entry) {
        int type = entry.getUnixMode() & S_IFMT;
        return entry.isUnixSymlink() || (type != 0 && type != S_IFREG && type != S_IFDIR);
    }

    static boolean overRatio(long size, long compressed, int maxRatio) {
        return size > RATIO_CHECK_FLOOR && (compressed <= 0 || size / compressed > maxRatio);
    }
}
