package dev.vaporform.projects.internal;

import java.time.Instant;
import java.util.UUID;

import dev.vaporform.projects.ProjectRole;

/** A project as one member sees it: with the earliest remaining owner and the member's own role. */
public record Project(UUID id, String name, String description, UUID ownerId, ProjectRole role,
                      Instant createdAt, Instant updatedAt) {}
