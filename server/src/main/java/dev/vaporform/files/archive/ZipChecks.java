package dev.vaporform.files.archive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import dev.vaporform.files.ArchiveTooLarge;
import dev.vaporform.files.FileTooLarge;
import dev.vaporform.files.InvalidPath;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.UnsafeArchive;
import dev.vaporform.files.storage.FilesProperties;

/** The checks made on a zip's central directory, before a single entry is inflated. */
final class ZipChecks {

    record CheckedEntry(ProjectPath path, ZipArchiveEntry entry) {}

    record Checked(List<CheckedEntry> files, List<ProjectPath> directories) {}

    private final FilesProperties properties;

    ZipChecks(FilesProperties properties) {
        this.properties = properties;
    }

    Checked check(ZipFile zip, List<ZipArchiveEntry> entries) {
        List<CheckedEntry> files = new ArrayList<>();
        List<ProjectPath> directories = new ArrayList<>();
        long total = 0, compressed = 0;
        for (ZipArchiveEntry entry : entries) {
            ProjectPath path = name(entry);
            if (ZipImport.isLinkOrSpecial(entry)) throw unsafe(entry, "is a link or special file; links are not imported");
            if (!zip.canReadEntryData(entry)) throw unsafe(entry, "is encrypted or uses an unsupported compression method");
            if (entry.isDirectory()) {
                directories.add(path);
                continue;
            }
            checkEntrySize(entry, path);
            files.add(new CheckedEntry(path, entry));
            total += entry.getSize();
            compressed += Math.max(0, entry.getCompressedSize());
            checkCount(files.size());
        }
        checkTotal(total, compressed);
        checkShape(files, directories);
        return new Checked(files, directories);
    }

    private ProjectPath name(ZipArchiveEntry entry) {
        try {
            return properties.path(entry.getName());
        } catch (InvalidPath e) {
            throw new UnsafeArchive("The entry '" + printable(entry.getName()) + "' is refused: " + e.getMessage(),
                    Map.of("entry", printable(entry.getName()), "rule", e.rule()));
        }
    }

    private void checkEntrySize(ZipArchiveEntry entry, ProjectPath path) {
        long max = properties.maxFileSize().toBytes();
        if (entry.getSize() < 0) throw unsafe(entry, "does not declare its size");
        if (entry.getSize() > max) {
            throw new FileTooLarge("The entry " + path + " is larger than " + max + " bytes (max-file-size).",
                    Map.of("limit", "max-file-size", "max", max, "entry", path.value()));
        }
        if (ZipImport.overRatio(entry.getSize(), entry.getCompressedSize(), properties.maxArchiveRatio())) {
            throw tooLarge("The entry " + path + " inflates more than " + properties.maxArchiveRatio() + " times (max-archive-ratio).",
                    "max-archive-ratio", properties.maxArchiveRatio());
        }
    }

    private void checkCount(int files) {
        if (files > properties.maxFiles()) {
            throw tooLarge("The archive has more than " + properties.maxFiles() + " files (max-files).", "max-files", properties.maxFiles());
        }
    }

    private void checkTotal(long total, long compressed) {
        long max = properties.maxProjectSize().toBytes();
        if (total > max) {
            throw tooLarge("The archive inflates to " + total + " bytes, over " + max + " (max-project-size).", "max-project-size", max);
        }
        if (ZipImport.overRatio(total, compressed, properties.maxArchiveRatio())) {
            throw tooLarge("The archive inflates more than " + properties.maxArchiveRatio() + " times (max-archive-ratio).",
                    "max-archive-ratio", properties.maxArchiveRatio());
        }
    }

    /** Refuses duplicates and a file that another entry treats as a directory. */
    private static void checkShape(List<CheckedEntry> files, List<ProjectPath> directories) {
        Set<String> filePaths = new HashSet<>();
        for (CheckedEntry file : files) {
            if (!filePaths.add(file.path().value())) {
                throw new UnsafeArchive("The archive names " + file.path() + " twice.", Map.of("entry", file.path().value()));
            }
        }
        List<ProjectPath> all = new ArrayList<>(directories);
        files.forEach(f -> all.add(f.path()));
        for (ProjectPath path : all) {
            for (ProjectPath parent = path.parent(); parent != null; parent = parent.parent()) {
                if (filePaths.contains(parent.value())) {
                    throw new UnsafeArchive("The archive has " + parent + " both as a file and as a directory.",
                            Map.of("entry", parent.value()));
                }
            }
        }
    }

    private static UnsafeArchive unsafe(ZipArchiveEntry entry, String why) {
        return new UnsafeArchive("The entry '" + printable(entry.getName()) + "' " + why + ".", Map.of("entry", printable(entry.getName())));
    }

    private static ArchiveTooLarge tooLarge(String detail, String limit, long max) {
        return new ArchiveTooLarge(detail, Map.of("limit", limit, "max", max));
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(300).forEach(cp -> {
            if (Character.isISOControl(cp)) out.append(String.format("\\u%04x", cp));
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
