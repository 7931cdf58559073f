package dev.vaporform.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods that make a node hash passwords: a server of its own, in a heap as small as a small
 * container's and ending on OutOfMemoryError as deployed, with one hash at a time (each argon2
 * run holds 19 MiB) and low registration and password-change limits.
 */
class AuthFloodTests {

    private static final String PASSWORD = Users.PASSWORD;
    private static ChildServer server;
    private static Http http;

    @BeforeAll
    static void startServer() {
        Path home = Path.of("target", "test-auth-floods-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        server = ChildServer.start(home, "auth-floods", Map.of(), List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                "--vaporform.auth.max-concurrent-hashes=1", "--vaporform.auth.hash-wait=200ms",
                "--vaporform.auth.register-address-attempts=5", "--vaporform.auth.password-change-attempts=3");
        http = server.http();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static Http.Response register(String email, String address) {
        return http.post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Flood"))
                .header("X-Forwarded-For", address).send();
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@vaporform.test";
    }

    @Test
    void aBurstOfRegistrationsIsAnsweredWithoutExhaustingTheHeapAndTheNodeStaysUp() throws Exception {
        int burst = 40;
        List<Http.Response> answers = parallel(burst, i -> register(uniqueEmail("burst"), "10.20." + (i / 200) + "." + (i % 200)));

        assertThat(server.alive()).as("the node survived the burst; see its log").isTrue();
        assertThat(answers).as("every request was answered").doesNotContainNull();
        for (var answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isIn(201, 429, 503);
            if (answer.status() != 201) assertThat(answer.header("Retry-After")).as(answer.toString()).matches("[1-9][0-9]*");
            if (answer.status() == 503) assertThat(answer.text("code")).isEqualTo("auth-busy");
        }
        assertThat(answers).as("excess hashes are refused at once, not queued").anyMatch(a -> a.status() == 503);
        assertThat(answers).anyMatch(a -> a.status() == 201);
        assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(register(uniqueEmail("after-burst"), "10.21.0.1").status()).isEqualTo(201);
    }

    @Test
    void rateLimitsRegistrationsPerClientAddress() {
        String address = "10.22.0.1";
        for (int i = 0; i < 5; i++) { // this server allows 5 per address
            assertThat(register(uniqueEmail("signup"), address).status()).isEqualTo(201);
        }
        var limited = register(uniqueEmail("signup"), address);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.text("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // Failed registrations count as well: a taken email costs a hash all the same.
        assertThat(register(uniqueEmail("signup"), "10.22.0.2").status()).isEqualTo(201);
    }

    @Test
    void rateLimitsPasswordChangesPerAccount() {
        String email = uniqueEmail("changer");
        var created = register(email, "10.23.0.1");
        assertThat(created.status()).isEqualTo(201);
        String token = created.text("accessToken");
        for (int i = 0; i < 3; i++) { // this server allows 3 per account
            var wrong = http.post("/api/auth/password", Map.of("currentPassword", "Not-the-password-" + i, "newPassword", "Another-strong-passphrase-7?"))
                    .bearer(token).send();
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        }
        var limited = http.post("/api/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", "Another-strong-passphrase-7?"))
                .bearer(token).send();
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.text("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    /** Sends {@code count} requests at once (released together) and returns every answer. */
    static List<Http.Response> parallel(int count, java.util.function.IntFunction<Http.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return request.apply(n);
                    } catch (java.io.UncheckedIOException noAnswer) { // the node went away mid-request
                        return null;
                    }
                }));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (var f : futures) answers.add(f.get());
            return answers;
        }
    }
}
