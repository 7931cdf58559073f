package dev.vaporform.projects.internal;

import java.util.UUID;

import dev.vaporform.projects.ProjectRole;

/** A member of a project with their name and email, as the collaborators list shows them. */
public record Collaborator(UUID userId, String email, String name, ProjectRole role) {}
