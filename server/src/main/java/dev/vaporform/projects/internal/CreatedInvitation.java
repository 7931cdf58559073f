package dev.vaporform.projects.internal;

import java.time.Instant;
import java.util.UUID;

import dev.vaporform.projects.ProjectRole;

/** The answer to creating an invitation: the only time its link ({@code url}) is shown. */
public record CreatedInvitation(UUID id, String email, ProjectRole role, String url, Instant expiresAt) {}
