package dev.vaporform.platform.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the server on its embedded defaults (SIGTERM, as Ctrl-C or a service manager does)
 * closes the application first and its PostgreSQL last: nothing fails against a database that is
 * already going away, and no PostgreSQL is left running.
 */
class GracefulStopTests {

    @Test
    void aStoppedServerClosesItsDatabaseLastAndLeavesNoPostgresBehind() {
        Path home = Path.of("target", "test-stop-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try (ChildServer server = ChildServer.start(home, "graceful-stop", Map.of())) {
            var owner = new Users(server.http()).register("stopping@vaporform.test");
            assertThat(server.http().post("/api/projects", Map.of("name", "Before the stop")).bearer(owner.accessToken()).send()
                    .status()).isEqualTo(201);
            assertThat(server.postmasterRunning()).as("the embedded PostgreSQL runs").isTrue();

            assertThat(server.stop(Duration.ofSeconds(60))).as("stopped within a minute").isTrue();

            assertThat(server.postmasterRunning()).as("PostgreSQL stopped with the server").isFalse();
            assertThat(server.log()).doesNotContain("terminating connection due to administrator command",
                    "Failed to validate connection", "Connection refused");
        }
    }
}
