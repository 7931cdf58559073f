package dev.vaporform.files;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener: keeps every file event whatever thread published it (the watcher's own),
 * which {@code @RecordApplicationEvents} cannot see.
 */
@Component
class RecordedFileEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void changed(FileChanged event) { events.add(event); }

    @EventListener
    void deleted(FileDeleted event) { events.add(event); }

    @EventListener
    void moved(FileMoved event) { events.add(event); }

    List<Object> of(UUID projectId) {
        return events.stream().filter(e -> switch (e) {
            case FileChanged c -> c.projectId().equals(projectId);
            case FileDeleted d -> d.projectId().equals(projectId);
            case FileMoved m -> m.projectId().equals(projectId);
            default -> false;
        }).toList();
    }
}
