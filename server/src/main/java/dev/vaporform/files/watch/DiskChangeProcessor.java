package dev.vaporform.files.watch;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.files.search.IndexChanges;
import dev.vaporform.files.search.ProjectIndex;
import dev.vaporform.files.search.ProjectIndexes;
import dev.vaporform.files.storage.FileEvents;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.OpenDirectory;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;

/**
 * Processes a batch of paths changed on disk: the index is synced below each of them, and what
 * really changed becomes events. Our own API writes updated the index under the same lock
 * before their rename reached the watcher, so the sync finds nothing new for them and they are
 * not announced twice. A batch that changed anything is measured: a project it took over its
 * quota is announced with {@link dev.vaporform.files.ProjectOverQuota}.
 */
@Component
public class DiskChangeProcessor {

    private final ProjectIndexes indexes;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final ProjectUsage usage;
    private final FileEvents events;

    public DiskChangeProcessor(ProjectIndexes indexes, ProjectRoots roots, ProjectLocks locks, ProjectUsage usage,
                               FileEvents events) {
        this.indexes = indexes;
        this.roots = roots;
        this.locks = locks;
        this.usage = usage;
        this.events = events;
    }

    void open(UUID projectId) {
        if (exists(projectId)) indexes.of(projectId);
    }

    void close(UUID projectId) {
        indexes.close(projectId);
    }

    /** @return how many events the batch published */
    int process(UUID projectId, List<String> scopes) {
        if (scopes.isEmpty() || !exists(projectId)) return 0;
        List<Object> published = locks.with(projectId, () -> {
            ProjectIndex index = indexes.of(projectId);
            IndexChanges changes = IndexChanges.collecting();
            try (OpenDirectory root = roots.open(projectId)) {
                scopes.forEach(scope -> changes.addAll(index.sync(root, scope)));
            }
            if (changes.isEmpty()) return DiskChangeEvents.of(projectId, changes);
            usage.invalidate(projectId);
            List<Object> announced = new ArrayList<>(DiskChangeEvents.of(projectId, changes));
            usage.overQuota(projectId).ifPresent(announced::add);
            return announced;
        });
        events.publish(published);
        return published.size();
    }

    private boolean exists(UUID projectId) {
        return Files.isDirectory(roots.rootIfExists(projectId)); // never recreate a deleted project's root
    }
}
