package dev.vaporform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command as a user runs it: {@code ./vaporform}, on a build that is already
 * there, prepares its start-up caches, starts the server on its embedded defaults, serves a
 * sign-up, and stops with its PostgreSQL on SIGTERM. An integration test (failsafe, after
 * packaging), because the launcher starts the packaged jar; without one it would build it.
 */
class LauncherIT {

    @Test
    void theReadmesCommandStartsTheServerOnItsDefaultsAndStopsItCleanly() {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path home = Path.of("target", "launcher-home").toAbsolutePath();
        TestHome.deleteRecursively(home);
        // PostgreSQL's binaries are unpacked into the build's directory, not the user's ~/.cache.
        Map<String, String> env = Map.of("XDG_CACHE_HOME", Path.of("target", "launcher-cache").toAbsolutePath().toString());

        try (ChildServer server = ChildServer.launch(repository, home, "launcher", env)) {
            var http = server.http();
            assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            var signUp = http.post("/api/auth/register",
                    Map.of("email", "ada@example.com", "password", "lovelace-analytical-engine-1843", "name", "Ada")).send();
            assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
            assertThat(signUp.json().path("user").path("role").asString()).as("the first account administers").isEqualTo("admin");
            assertThat(server.log()).as("on the defaults it starts from the ahead-of-time bean definitions")
                    .contains("Starting AOT-processed VaporformApplication");

            assertThat(server.stop(Duration.ofSeconds(60))).as("it stops on SIGTERM").isTrue();
            assertThat(server.postmasterRunning()).as("and its PostgreSQL with it").isFalse();
            assertThat(home.resolve("pg/data/PG_VERSION")).as("its data stays for the next start").exists();
        }
    }
}
