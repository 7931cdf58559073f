package dev.vaporform.containers.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.containers.WorkspaceStatusChanged;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.Watch;

/**
 * Keeps a project watched while its workspace runs on this node, so what the workspace writes
 * is noticed (indexed, announced, measured against the quota) even when nobody uses the API.
 */
@Component
class WorkspaceWatches {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceWatches.class);

    private final ProjectFiles files;
    private final Map<UUID, Watch> held = new ConcurrentHashMap<>();

    WorkspaceWatches(ProjectFiles files) {
        this.files = files;
    }

    @EventListener
    void on(WorkspaceStatusChanged event) {
        if (event.status() == WorkspaceStatus.running) {
            try {
                held.computeIfAbsent(event.projectId(), files::watch);
            } catch (RuntimeException e) {
                // a start is not failed for it: only the quota stop and the announcements wait for the API's own watching
                log.warn("Could not watch the files of running workspace {}: {}", event.projectId(), e.toString());
            }
        } else if (event.status() != WorkspaceStatus.starting) {
            Watch watch = held.remove(event.projectId());
            if (watch != null) watch.close();
        }
    }
}
