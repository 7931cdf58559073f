package dev.vaporform.files.internal;

import java.nio.file.attribute.BasicFileAttributes;
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

    /** The file at {@code path} now holds {@code content}. */
    void put(UUID projectId, String path, byte[] content, String sha, BasicFileAttributes attrs) {
        if (!indexes.isOpen(projectId)) return;
        indexes.of(projectId).put(path, content, sha, attrs);
    }

    /** The entry at {@code path} (and anything below it) is gone. */
    void delete(UUID projectId, String path) {
        if (!indexes.isOpen(projectId)) return;
        indexes.of(projectId).delete(path);
    }

    /** Many files changed (an import): sync the whole project. */
    void syncAll(UUID projectId) {
        added(projectId, "");
    }

    /** Entries at and below {@code path} appeared ({@code ""}: anywhere): index them. */
    void added(UUID projectId, String path) {
        if (!indexes.isOpen(projectId)) return;
        try (var root = roots.open(projectId)) {
            indexes.of(projectId).sync(root, path);
        }
    }
}
