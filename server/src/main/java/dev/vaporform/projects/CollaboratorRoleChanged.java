package dev.vaporform.projects;

import java.util.UUID;

import dev.vaporform.platform.NodeWideEvent;

/**
 * A member's role changed; live connections must apply the new role from now on. Delivered on
 * every node ({@link NodeWideEvent}): listeners act on their node's connections only, and use
 * {@link #role()} rather than asking {@link ProjectAccess} again, whose cache on another node may
 * not have heard of the change yet.
 */
public record CollaboratorRoleChanged(UUID projectId, UUID userId, ProjectRole role) implements NodeWideEvent {}
