package dev.vaporform.auth;

import java.util.UUID;

/**
 * Every session of a user ended at once (logout-all, password change, deactivation, role change):
 * tokens issued before now no longer work. Live connections of the user should close.
 *
 * @param userId whose sessions ended
 * @param reason {@code logout-all}, {@code password-changed}, {@code deactivated} or {@code role-changed}
 */
public record UserSessionsEnded(UUID userId, String reason) {}
