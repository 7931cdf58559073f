package dev.vaporform.files.watch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileDeleted;
import dev.vaporform.files.FileMoved;
import dev.vaporform.files.FileOrigin;
import dev.vaporform.files.search.IndexChanges;

/**
 * Turns what a sync found into events. A file that went and a file with the same content that
 * appeared in the same batch are one move (a {@code mv}, a {@code git mv}, a rename in an
 * editor); everything else is a change or a deletion.
 */
final class DiskChangeEvents {

    private DiskChangeEvents() {}

    static List<Object> of(UUID projectId, IndexChanges changes) {
        Map<String, Deque<String>> removedByContent = new HashMap<>();
        changes.removed().forEach(e -> removedByContent.computeIfAbsent(e.sha256(), k -> new ArrayDeque<>()).add(e.path()));
        List<Object> events = new ArrayList<>();
        for (IndexChanges.Entry created : changes.created()) {
            Deque<String> sources = removedByContent.get(created.sha256());
            String from = sources == null ? null : sources.poll();
            events.add(from != null ? new FileMoved(projectId, from, created.path(), FileOrigin.disk)
                    : new FileChanged(projectId, created.path(), null, FileOrigin.disk));
        }
        changes.changed().forEach(e -> events.add(new FileChanged(projectId, e.path(), null, FileOrigin.disk)));
        removedByContent.values().forEach(paths -> paths.forEach(p -> events.add(new FileDeleted(projectId, p, FileOrigin.disk))));
        return events;
    }
}
