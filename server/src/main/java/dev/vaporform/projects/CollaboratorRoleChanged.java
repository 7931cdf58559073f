package dev.vaporform.projects;

import java.util.UUID;

/** A member's role changed; live connections must apply the new role from now on. */
public record CollaboratorRoleChanged(UUID projectId, UUID userId, ProjectRole role) {}
