package dev.vaporform.auth.internal;

import java.util.UUID;

/**
 * What every authenticated request needs to know of its user, and all that the shared cache
 * holds (never the password hash: with Redis configured this leaves the process).
 */
public record UserState(UUID id, String email, User.Role role, boolean active, int sessionGeneration) {

    static UserState of(User user) {
        return new UserState(user.id(), user.email(), user.role(), user.active(), user.sessionGeneration());
    }

    public boolean isAdmin() {
        return role == User.Role.admin;
    }
}
