package dev.vaporform.collab;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

/**
 * PostgreSQL stopped during traffic: requests answer 503 {@code database-unavailable}
 * within the connection-timeout budget (never 500, never hanging), readiness turns DOWN, and when
 * PostgreSQL is back the same node serves again without a restart, with every edit acknowledged
 * before the outage intact. A node in its own JVM on its own PostgreSQL, which the test stops.
 */
class DatabaseOutageTests {

    @Test
    void requestsAnswer503WhileTheDatabaseIsDownAndTheNodeRecoversWithAckedEditsIntact(@TempDir Path dir) throws Exception {
        int pgPort = freePort();
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        EmbeddedPostgres postgres = start(data, pgPort);
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "DATABASE_USERNAME", "postgres", "DATABASE_PASSWORD", "postgres");
        try (ChildServer node = ChildServer.start(dir.resolve("home"), "db-outage", env, "--vaporform.database.connection-timeout=2s")) {
            Http http = node.http();
            Users.Session owner = new Users(http).register("outage@vaporform.test");
            String project = http.post("/api/projects", Map.of("name", "Outage")).bearer(owner.accessToken()).send().text("id");
            ShareDbClient editor = ShareDbClient.connectWithBearer(node.port(), owner.accessToken());
            editor.send(Map.of("a", "hs", "protocol", 1, "protocolMinor", 2));
            editor.next(action("hs"));
            editor.send(Map.of("a", "op", "c", project, "d", "kept.txt", "seq", 1, "create", Map.of("type", "http://sharejs.org/types/text-unicode", "data", "")));
            editor.next(ack(editor.src, 1));
            for (int i = 0; i < 20; i++) {
                editor.send(Map.of("a", "op", "c", project, "d", "kept.txt", "seq", i + 2, "v", i + 1, "op", i == 0 ? List.of("x") : List.of(i, "x")));
                editor.next(ack(editor.src, i + 2));
            }

            postgres.close();

            var pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Http.Response>> during = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                during.add(pool.submit(() -> http.get("/api/projects/" + project).bearer(owner.accessToken()).send()));
            }
            for (Future<Http.Response> f : during) {
                var response = f.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                assertThat(response.text("code")).isEqualTo("database-unavailable");
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("40 requests against a 2 s connection timeout").isLessThan(Duration.ofSeconds(15));
            var readiness = http.get("/actuator/health/readiness").send();
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            assertThat(http.get("/actuator/health/liveness").send().status()).as("alive: no restart wanted").isEqualTo(200);

            postgres = start(data, pgPort);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(http.get("/api/projects/" + project).bearer(owner.accessToken()).send().status()).isEqualTo(200));
            assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            ShareDbClient reader = ShareDbClient.connectWithBearer(node.port(), owner.accessToken());
            reader.send(Map.of("a", "f", "c", project, "d", "kept.txt"));
            assertThat(reader.next(action("f")).path("data").path("data").asString()).isEqualTo("x".repeat(20));
            reader.close();
            editor.close();
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
