package dev.vaporform.containers.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stops running workspaces without activity for {@code vaporform.containers.idle-timeout}
 * (default 30 min): terminal input or output, exec, open collaboration sessions count.
 * Checked every 30 s.
 */
@Component
public class WorkspaceIdleStop {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceIdleStop.class);

    private final WorkspaceRows rows;
    private final Workspaces workspaces;
    private final ContainersProperties properties;
    private final Clock clock;

    WorkspaceIdleStop(WorkspaceRows rows, Workspaces workspaces, ContainersProperties properties, Clock clock) {
        this.rows = rows;
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vaporform.containers.idle-check-interval:30s}", initialDelayString = "30s")
    public void run() {
        for (Workspace workspace : rows.idleSince(clock.instant().minus(properties.idleTimeout()))) {
            try {
                log.info("Stopping idle workspace of project {}", workspace.projectId());
                workspaces.stop(workspace.projectId());
            } catch (RuntimeException e) {
                log.warn("Could not stop idle workspace of project {}: {}", workspace.projectId(), e.toString());
            }
        }
    }
}
