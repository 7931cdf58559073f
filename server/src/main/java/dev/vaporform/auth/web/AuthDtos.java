package dev.vaporform.auth.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.vaporform.auth.internal.IssuedSession;
import dev.vaporform.auth.internal.User;

/** Request and response bodies of the auth routes, as API.md defines them. */
final class AuthDtos {

    private AuthDtos() {}

    // Password lengths are checked in code points by the policy, not by @Size (which counts UTF-16 units).
    record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(max = 1024) String password,
                           @NotBlank @Size(max = 100) String name) {}

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {}

    record PasswordChangeRequest(@NotNull @Size(max = 1024) String currentPassword,
                                 @NotNull @Size(max = 1024) String newPassword) {}

    record CreateApiTokenRequest(@NotBlank @Size(max = 100) String name,
                                 @Min(1) @Max(365) Integer expiresInDays) {
        int days() {
            return expiresInDays == null ? 30 : expiresInDays;
        }
    }

    record AdminUserPatch(Boolean active, @Pattern(regexp = "admin|user", message = "must be admin or user") String role) {}

    record UserView(UUID id, String email, String name, String role, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.role().name(), user.createdAt());
        }
    }

    record AdminUserView(UUID id, String email, String name, String role, boolean active, Instant createdAt) {
        static AdminUserView of(User user) {
            return new AdminUserView(user.id(), user.email(), user.name(), user.role().name(), user.active(), user.createdAt());
        }
    }

    record SessionView(UserView user, String accessToken, String refreshToken, long expiresIn) {
        static SessionView of(IssuedSession session) {
            return new SessionView(UserView.of(session.user()), session.accessToken(), session.refreshToken(), session.expiresIn());
        }
    }

    record RefreshView(String accessToken, String refreshToken, long expiresIn) {
        static RefreshView of(IssuedSession session) {
            return new RefreshView(session.accessToken(), session.refreshToken(), session.expiresIn());
        }
    }

    record CreatedApiTokenView(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {}
}
