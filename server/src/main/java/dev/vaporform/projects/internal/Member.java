package dev.vaporform.projects.internal;

import java.time.Instant;
import java.util.UUID;

import dev.vaporform.projects.ProjectRole;

/** A row of {@code project_members}. */
public record Member(UUID userId, ProjectRole role, Instant addedAt) {}
