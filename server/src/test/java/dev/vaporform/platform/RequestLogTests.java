package dev.vaporform.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log names each request but never a token, password or query string. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests extends IntegrationTest {

    @Test
    void logsRequestsWithoutSecrets(CapturedOutput output) {
        String email = uniqueEmail("logged");
        var session = users.register(email);
        http.post("/api/auth/login", Map.of("email", email, "password", "Wrong-password-in-log-77")).send();
        http.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken())).send();
        http.get("/api/projects?ticket=query-secret-ticket-value").bearer(session.accessToken()).send();
        http.get("/api/auth/me").bearer("garbage-token-value-xyz").send();

        String log = output.getAll();
        assertThat(log).contains("GET /api/projects -> 200", "POST /api/auth/login -> 401");
        assertThat(log).as("authenticated requests name their user").contains("(user " + session.id() + ")");
        assertThat(log).doesNotContain(session.accessToken(), session.refreshToken(), Users.PASSWORD,
                "Wrong-password-in-log-77", "query-secret-ticket-value", "garbage-token-value-xyz");
    }

    @Test
    void webSocketTicketsInTheQueryStringNeverReachTheLog(CapturedOutput output) {
        var session = users.register(uniqueEmail("ticket-logged"));
        java.util.List<String> tickets = new java.util.ArrayList<>();
        for (String path : java.util.List.of("/ws/collab", "/ws/events")) {
            String ticket = http.post("/api/realtime/tickets", null).bearer(session.accessToken()).send().text("ticket");
            tickets.add(ticket);
            var socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(java.net.URI.create("ws://localhost:" + port + path + "?ticket=" + ticket),
                            new java.net.http.WebSocket.Listener() {}).join();
            socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").join();
        }
        String reused = tickets.getFirst(); // a spent ticket is refused (401), and still not logged
        java.util.concurrent.CompletableFuture<?> refused = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://localhost:" + port + "/ws/events?ticket=" + reused),
                        new java.net.http.WebSocket.Listener() {});
        assertThat(refused).failsWithin(java.time.Duration.ofSeconds(10));

        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(output.getAll()).contains("GET /ws/collab -> ", "GET /ws/events -> 401"));
        assertThat(output.getAll()).doesNotContain(tickets.toArray(String[]::new)).doesNotContain("ticket=");
    }
}
