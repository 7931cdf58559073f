package dev.vaporform.projects;

import java.util.UUID;

import dev.vaporform.platform.NodeWideEvent;

/**
 * A member left or was removed from a project; their live connections to it must close.
 * Delivered on every node ({@link NodeWideEvent}): listeners act on their node's connections only.
 */
public record CollaboratorRemoved(UUID projectId, UUID userId) implements NodeWideEvent {}
