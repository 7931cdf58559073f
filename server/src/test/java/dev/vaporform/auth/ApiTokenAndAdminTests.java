package dev.vaporform.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens and the admin user list. */
class ApiTokenAndAdminTests extends IntegrationTest {

    @Test
    void apiTokenIsShownOnceWorksLikeAJwtAndStopsWhenDeleted() {
        Session s = users.register(uniqueEmail("tokens"));
        var created = http.post("/api/auth/tokens", Map.of("name", "laptop", "expiresInDays", 30)).bearer(s.accessToken()).send();
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(secret).startsWith("vfp_");
        assertThat(created.text("expiresAt")).isNotBlank();

        assertThat(http.get("/api/auth/me").bearer(secret).send().text("email")).isEqualTo(s.email());
        assertThat(http.post("/api/projects", Map.of("name", "via token")).bearer(secret).send().status()).isEqualTo(201);

        var list = http.get("/api/auth/tokens").bearer(s.accessToken()).send();
        assertThat(list.json().path("total").asInt()).isEqualTo(1);
        var item = list.json().path("items").get(0);
        assertThat(item.path("name").asString()).isEqualTo("laptop");
        assertThat(item.has("token")).as("the secret is never listed").isFalse();
        assertThat(item.path("lastUsedAt").isMissingNode() || item.path("lastUsedAt").isNull()).isFalse();

        assertThat(http.delete("/api/auth/tokens/" + created.text("id")).bearer(s.accessToken()).send().status()).isEqualTo(204);
        assertThat(http.get("/api/auth/me").bearer(secret).send().status()).isEqualTo(401);
    }

    @Test
    void rejectsDeletingAnotherUsersApiToken() {
        Session owner = users.register(uniqueEmail("owner"));
        Session thief = users.register(uniqueEmail("thief"));
        String id = http.post("/api/auth/tokens", Map.of("name", "x")).bearer(owner.accessToken()).send().text("id");
        assertThat(http.delete("/api/auth/tokens/" + id).bearer(thief.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsApiTokenWithOutOfRangeExpiry() {
        Session s = users.register(uniqueEmail("expiry"));
        var response = http.post("/api/auth/tokens", Map.of("name", "x", "expiresInDays", 10_000)).bearer(s.accessToken()).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresInDays");
    }

    @Test
    void onlyAdminsListUsersAndTheLastAdminCannotStepDown() {
        Session admin = users.login(ADMIN_EMAIL, Users.PASSWORD);
        Session plain = users.register(uniqueEmail("plain"));
        var denied = http.get("/api/admin/users").bearer(plain.accessToken()).send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");

        // the shared test server has many users by now: read every page, as an admin's UI would
        StringBuilder everyone = new StringBuilder();
        for (int page = 0; ; page++) {
            var list = http.get("/api/admin/users?size=200&page=" + page).bearer(admin.accessToken()).send();
            assertThat(list.status()).isEqualTo(200);
            if (list.json().path("items").isEmpty()) break;
            everyone.append(list.json().path("items"));
        }
        assertThat(everyone.toString()).contains(plain.email()).doesNotContain("password");

        var demoteSelf = http.patch("/api/admin/users/" + admin.id(), Map.of("role", "user")).bearer(admin.accessToken()).send();
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.text("code")).isEqualTo("last-admin");
    }

    @Test
    void promotedUserGainsAdminOnTheNextRequest() {
        Session admin = users.login(ADMIN_EMAIL, Users.PASSWORD);
        Session promoted = users.register(uniqueEmail("promoted"));
        assertThat(http.get("/api/admin/users").bearer(promoted.accessToken()).send().status()).isEqualTo(403);
        http.patch("/api/admin/users/" + promoted.id(), Map.of("role", "admin")).bearer(admin.accessToken()).send();
        assertThat(http.get("/api/admin/users").bearer(promoted.accessToken()).send().status()).isEqualTo(200);
        http.patch("/api/admin/users/" + promoted.id(), Map.of("role", "user")).bearer(admin.accessToken()).send();
        assertThat(http.get("/api/admin/users").bearer(promoted.accessToken()).send().status()).isEqualTo(403);
    }

    @Test
    void rejectsUnknownRoleInAdminPatch() {
        Session admin = users.login(ADMIN_EMAIL, Users.PASSWORD);
        var response = http.patch("/api/admin/users/" + admin.id(), Map.of("role", "root")).bearer(admin.accessToken()).send();
        assertThat(response.status()).isEqualTo(400);
    }
}
