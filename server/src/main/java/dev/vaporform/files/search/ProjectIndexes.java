package dev.vaporform.files.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.vaporform.files.storage.DiskWrites;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.platform.PlatformProperties;

/**
 * The open indexes, one per project, under {@code <home>/index/<projectId>}. An index is opened
 * on first use and brought in line with the disk then (so changes made while the server was
 * down are picked up); one that is missing or unreadable is rebuilt from the tree. Changes are
 * committed every few seconds and on close; a crash in between costs only a resync.
 */
@Component
public class ProjectIndexes {

    private static final Logger log = LoggerFactory.getLogger(ProjectIndexes.class);

    private final Path directory;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final FilesProperties properties;
    private final Map<UUID, ProjectIndex> open = new ConcurrentHashMap<>();

    public ProjectIndexes(PlatformProperties platform, ProjectRoots roots, ProjectLocks locks, FilesProperties properties) {
        this.directory = platform.homeDirectory().resolve("index");
        this.roots = roots;
        this.locks = locks;
        this.properties = properties;
    }

    /** @return the project's index, opened (and synced with the disk) when it was not open */
    public ProjectIndex of(UUID projectId) {
        ProjectIndex index = open.get(projectId);
        if (index != null) return index;
        return locks.with(projectId, () -> open.computeIfAbsent(projectId, this::openAndSync));
    }

    /** @return whether the project's index is open */
    public boolean isOpen(UUID projectId) {
        return open.containsKey(projectId);
    }

    /** Closes the project's index (it stays on disk). */
    public void close(UUID projectId) {
        locks.run(projectId, () -> closeQuietly(open.remove(projectId)));
    }

    /** Closes and deletes the project's index (idempotent). */
    public void delete(UUID projectId) {
        locks.run(projectId, () -> {
            closeQuietly(open.remove(projectId));
            DiskWrites.deleteTree(location(projectId));
        });
    }

    /** @return the index's location on disk */
    public Path location(UUID projectId) {
        return directory.resolve(projectId.toString());
    }

    @Scheduled(fixedDelayString = "${vaporform.files.index-commit-interval:5s}")
    void commitChanged() {
        open.forEach((id, index) -> locks.run(id, () -> {
            if (open.get(id) == index) index.commit();
        }));
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }

    private ProjectIndex openAndSync(UUID projectId) {
        long started = System.nanoTime();
        ProjectIndex index = openOrRebuild(projectId);
        IndexChanges changes;
        try (var root = roots.open(projectId)) {
            changes = index.sync(root, "");
        }
        index.commit();
        log.info("Index of project {} ready: {} files, {} changed since last use, in {} ms", projectId, index.size(),
                changes.created().size() + changes.changed().size() + changes.removed().size(), (System.nanoTime() - started) / 1_000_000);
        return index;
    }

    private ProjectIndex openOrRebuild(UUID projectId) {
        Path location = location(projectId);
        try {
            Files.createDirectories(location);
            return new ProjectIndex(location, properties.indexMaxFileSize().toBytes());
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.warn("Index of project {} is unreadable ({}); rebuilding it from the files", projectId, e.toString());
            DiskWrites.deleteTree(location);
            return openOrRebuildFresh(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProjectIndex openOrRebuildFresh(Path location) {
        try {
            Files.createDirectories(location);
            return new ProjectIndex(location, properties.indexMaxFileSize().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ProjectIndex index) {
        if (index == null) return;
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing an index failed", e);
        }
    }
}
