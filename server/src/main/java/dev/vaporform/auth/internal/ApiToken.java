package dev.vaporform.auth.internal;

import java.time.Instant;
import java.util.UUID;

/** A personal API token's metadata; its secret is shown once at creation and never stored. */
public record ApiToken(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}
