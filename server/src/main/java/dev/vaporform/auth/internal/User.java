package dev.vaporform.auth.internal;

import java.time.Instant;
import java.util.UUID;

/** A user row. {@code passwordHash} never leaves the auth module. */
public record User(UUID id, String email, String name, String passwordHash, Role role, boolean active,
                   int sessionGeneration, Instant createdAt) {

    /** Installation-wide roles. */
    public enum Role { admin, user }

    public boolean isAdmin() {
        return role == Role.admin;
    }
}
