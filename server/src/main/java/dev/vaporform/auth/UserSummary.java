package dev.vaporform.auth;

import java.util.UUID;

/** What other modules may know of a user. */
public record UserSummary(UUID id, String email, String name, boolean active) {}
