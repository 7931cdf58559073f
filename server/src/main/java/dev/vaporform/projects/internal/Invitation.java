package dev.vaporform.projects.internal;

import java.time.Instant;
import java.util.UUID;

import dev.vaporform.projects.ProjectRole;

/**
 * A pending invitation as its project's owners see it. The link is not part of it: only its hash
 * is stored, so it can be shown once, when the invitation is created ({@link CreatedInvitation}).
 */
public record Invitation(UUID id, String email, ProjectRole role, UUID invitedBy, Instant createdAt, Instant expiresAt) {}
