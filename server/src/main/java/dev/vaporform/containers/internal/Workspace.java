package dev.vaporform.containers.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vaporform.containers.WorkspaceStatus;

/** A row of {@code workspaces}: what we believe about a project's container. */
public record Workspace(UUID projectId, WorkspaceStatus status, String containerId, String image, UUID startedBy,
                        Instant startedAt, Instant lastActivityAt, String detail, List<String> refusedKeys,
                        List<String> forwardPorts, String containerUser, String workspaceFolder, boolean createdOnce) {

    static Workspace none(UUID projectId) {
        return new Workspace(projectId, WorkspaceStatus.none, null, null, null, null, null, null, List.of(), List.of(),
                null, DevContainer.WORKSPACE, false);
    }
}
