package dev.vaporform.containers;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace moved to a new status (published on every transition, including ones noticed
 * from Docker's events, e.g. a container killed behind our back).
 *
 * @param detail why, when it failed; otherwise null
 */
public record WorkspaceStatusChanged(UUID projectId, WorkspaceStatus status, String containerId, String detail, Instant at) {}
