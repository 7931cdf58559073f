package dev.vaporform.files.archive;

import java.nio.file.Path;
import java.util.List;

import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.storage.DiskWrites;

/**
 * A zip that passed every check, extracted to a staging directory outside the project: nothing
 * of it is in the project yet. Closing deletes whatever is left in staging.
 *
 * @param staging     the staging directory
 * @param files       the files, each with where it waits in staging, its size and hash
 * @param directories directories the archive names (including empty ones)
 */
public record StagedArchive(Path staging, List<StagedFile> files, List<ProjectPath> directories) implements AutoCloseable {

    /** One extracted file. */
    public record StagedFile(ProjectPath path, Path staged, long size, String sha256) {}

    /** @return the bytes of all files */
    public long totalSize() {
        return files.stream().mapToLong(StagedFile::size).sum();
    }

    @Override
    public void close() {
        DiskWrites.deleteTree(staging);
    }
}
