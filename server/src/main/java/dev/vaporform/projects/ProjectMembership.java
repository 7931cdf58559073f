package dev.vaporform.projects;

import java.util.UUID;

/** A user's membership of a project, as returned by {@link ProjectAccess#require}. */
public record ProjectMembership(UUID projectId, UUID userId, ProjectRole role) {}
