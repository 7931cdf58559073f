package dev.vaporform.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refresh rotation, reuse detection, logout, logout-all, password change, deactivation (cases 12–16). */
class SessionLifecycleTests extends IntegrationTest {

    private Http.Response refresh(String token) {
        return http.post("/api/auth/refresh", Map.of("refreshToken", token)).send();
    }

    private int me(String accessToken) {
        return http.get("/api/auth/me").bearer(accessToken).send().status();
    }

    @Test
    void refreshRotatesTheTokenAndTheNewPairWorks() {
        Session s = users.register(uniqueEmail("rotate"));
        var rotated = refresh(s.refreshToken());
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("refreshToken")).isNotEqualTo(s.refreshToken()).startsWith("vfr_");
        assertThat(rotated.json().path("expiresIn").asLong()).isPositive();
        assertThat(me(rotated.text("accessToken"))).isEqualTo(200);
        assertThat(refresh(rotated.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void rejectsRefreshTokenReuseAndRevokesTheWholeFamily() {
        Session s = users.register(uniqueEmail("reuse"));
        String r2 = refresh(s.refreshToken()).text("refreshToken");
        waitPastTheReuseGrace();
        var reuse = refresh(s.refreshToken());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("code")).isEqualTo("invalid-refresh-token");
        assertThat(refresh(r2).status()).as("the successor dies with its family").isEqualTo(401);
    }

    @Test
    void concurrentRefreshesOfOneTokenLetExactlyOneWinAndKeepTheSession() throws Exception {
        Session s = users.register(uniqueEmail("race"));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Http.Response>> racers = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    arrive(start);
                    return refresh(s.refreshToken());
                })).toList();
        List<Http.Response> results = racers.stream().map(CompletableFuture::join).toList();
        List<Http.Response> winners = results.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 401).hasSize(1);
        // The race was two tabs, not theft: the winner's successor still works.
        assertThat(refresh(winners.getFirst().text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void rejectsRefreshAfterLogout() {
        Session s = users.register(uniqueEmail("logout"));
        assertThat(http.post("/api/auth/logout", Map.of("refreshToken", s.refreshToken())).send().status()).isEqualTo(204);
        assertThat(refresh(s.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void logoutAllEndsEveryRefreshAndAccessTokenIssuedBefore() {
        String email = uniqueEmail("everywhere");
        Session first = users.register(email);
        Session second = users.login(email, Users.PASSWORD);
        assertThat(http.post("/api/auth/logout-all", null).bearer(first.accessToken()).send().status()).isEqualTo(204);
        assertThat(me(first.accessToken())).isEqualTo(401);
        assertThat(me(second.accessToken())).isEqualTo(401);
        assertThat(refresh(first.refreshToken()).status()).isEqualTo(401);
        assertThat(refresh(second.refreshToken()).status()).isEqualTo(401);
        Session fresh = users.login(email, Users.PASSWORD);
        assertThat(me(fresh.accessToken())).as("a new sign-in works at once").isEqualTo(200);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
        String email = uniqueEmail("changer");
        Session mine = users.register(email);
        Session other = users.login(email, Users.PASSWORD);
        String newPassword = "Another-strong-passphrase-77?";

        var missing = http.post("/api/auth/password", Map.of("newPassword", newPassword)).bearer(mine.accessToken()).send();
        assertThat(missing.status()).isEqualTo(400);
        var wrong = http.post("/api/auth/password", Map.of("currentPassword", "nope-nope-nope", "newPassword", newPassword))
                .bearer(mine.accessToken()).send();
        assertThat(wrong.status()).isEqualTo(403);
        var weak = http.post("/api/auth/password", Map.of("currentPassword", Users.PASSWORD, "newPassword", "password1"))
                .bearer(mine.accessToken()).send();
        assertThat(weak.status()).isEqualTo(400);

        var changed = http.post("/api/auth/password", Map.of("currentPassword", Users.PASSWORD, "newPassword", newPassword))
                .bearer(mine.accessToken()).send();
        assertThat(changed.status()).isEqualTo(204);
        assertThat(me(other.accessToken())).isEqualTo(401);
        assertThat(refresh(other.refreshToken()).status()).isEqualTo(401);
        // The caller's own session goes on after a quiet refresh.
        var renewed = refresh(mine.refreshToken());
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(me(renewed.text("accessToken"))).isEqualTo(200);
        assertThat(http.post("/api/auth/login", Map.of("email", email, "password", Users.PASSWORD)).send().status()).isEqualTo(401);
        users.login(email, newPassword);
    }

    @Test
    void deactivatedUsersTokensFailOnTheirNextRequest() {
        Session admin = users.login(ADMIN_EMAIL, Users.PASSWORD);
        String email = uniqueEmail("leaver");
        Session leaver = users.register(email);
        var token = http.post("/api/auth/tokens", Map.of("name", "ci", "expiresInDays", 7)).bearer(leaver.accessToken()).send();
        assertThat(me(leaver.accessToken())).isEqualTo(200);

        var patch = http.patch("/api/admin/users/" + leaver.id(), Map.of("active", false)).bearer(admin.accessToken()).send();
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().path("active").asBoolean()).isFalse();

        assertThat(me(leaver.accessToken())).isEqualTo(401);
        assertThat(me(token.text("token"))).as("API tokens too").isEqualTo(401);
        assertThat(refresh(leaver.refreshToken()).status()).isEqualTo(401);
        var login = http.post("/api/auth/login", Map.of("email", email, "password", Users.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.text("code")).isEqualTo("account-deactivated");

        // Reactivation does not revive the old access token; a new sign-in works.
        http.patch("/api/admin/users/" + leaver.id(), Map.of("active", true)).bearer(admin.accessToken()).send();
        assertThat(me(leaver.accessToken())).isEqualTo(401);
        assertThat(me(users.login(email, Users.PASSWORD).accessToken())).isEqualTo(200);
    }

    private static void waitPastTheReuseGrace() {
        // The test configuration sets a 1 s grace; wait it out deterministically.
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> true);
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
