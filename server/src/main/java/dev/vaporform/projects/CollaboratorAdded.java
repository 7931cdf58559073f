package dev.vaporform.projects;

import java.util.UUID;

import dev.vaporform.platform.NodeWideEvent;

/**
 * A user became a member of a project (added by email, an invitation accepted, or the project
 * created): their open project lists and the project's member lists should show it at once.
 * Delivered on every node ({@link NodeWideEvent}): listeners act on their node's connections only.
 */
public record CollaboratorAdded(UUID projectId, UUID userId, ProjectRole role) implements NodeWideEvent {}
