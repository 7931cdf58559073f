package dev.vaporform.support;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers and signs in test users through the public API. */
public final class Users {

    /** A password strong enough for the policy, shared by test users. */
    public static final String PASSWORD = "Vaporform-test-passphrase-42!";

    private final Http http;

    public Users(Http http) {
        this.http = http;
    }

    /** A signed-in user as a test sees them. */
    public record Session(UUID id, String email, String accessToken, String refreshToken) {}

    public Session register(String email) {
        var response = http.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Test " + email)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return session(response);
    }

    public Session login(String email, String password) {
        var response = http.post("/api/auth/login", Map.of("email", email, "password", password)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return session(response);
    }

    private static Session session(Http.Response response) {
        var json = response.json();
        return new Session(UUID.fromString(json.path("user").path("id").asString()), json.path("user").path("email").asString(),
                json.path("accessToken").asString(), json.path("refreshToken").asString());
    }
}
