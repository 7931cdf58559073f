package dev.vaporform.projects;

import java.util.UUID;

/** A member left or was removed from a project; their live connections to it must close. */
public record CollaboratorRemoved(UUID projectId, UUID userId) {}
