package dev.vaporform.files.internal;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.files.search.ProjectIndexes;
import dev.vaporform.files.storage.ProjectRoots;

/**
 * Keeps an open index in step with API changes, under the caller's project lock. A project
 * whose index is not open needs nothing: opening an index syncs it with the disk.
 */
@Component
class IndexUpdates {

    private final ProjectIndexes indexes;
    private final ProjectRoots roots;

    IndexUpdates(ProjectIndexes indexes, ProjectRoots roots) {
        this.indexes = indexes;
        this.roots = roots;
    }

    /** The file at real location {@code file} now holds {@code content}. */
    void put(UUID projectId, Path file, byte[] content, String sha) {
        if (!indexes.isOpen(projectId)) return;
        roots.relative(projectId, file).ifPresent(path -> ProjectRoots.attributes(file)
                .ifPresent(attrs -> indexes.of(projectId).put(path, content, sha, attrs)));
    }

    /** The entry at real location {@code entry} (and anything below it) is gone. */
    void delete(UUID projectId, Path entry) {
        if (!indexes.isOpen(projectId)) return;
        roots.relative(projectId, entry).ifPresent(path -> indexes.of(projectId).delete(path));
    }

    /** Many files changed (an import): sync the whole project. */
    void syncAll(UUID projectId) {
        if (!indexes.isOpen(projectId)) return;
        indexes.of(projectId).sync(roots.realRoot(projectId), "");
    }

    /** Entries at and below real location {@code entry} appeared: index them. */
    void added(UUID projectId, Path entry) {
        if (!indexes.isOpen(projectId)) return;
        roots.relative(projectId, entry).ifPresent(path -> indexes.of(projectId).sync(roots.realRoot(projectId), path));
    }
}
