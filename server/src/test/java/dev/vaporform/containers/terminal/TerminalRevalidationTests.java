package dev.vaporform.containers.terminal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.TerminalClient;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no event announces, the periodic re-check catches: a terminal opened with a ticket of an
 * API token that has since expired closes 1008 {@code session-ended} at the next sweep (run here
 * at once rather than after {@code terminal-revalidate-interval}); a terminal of the same user's
 * sign-in stays.
 */
@RequiresDocker
class TerminalRevalidationTests extends IntegrationTest {

    @Autowired
    TerminalSockets sockets;

    @Autowired
    JdbcClient jdbc;

    private Session owner;
    private String projectId;

    @AfterEach
    void removeWorkspace() {
        if (projectId != null) http.delete("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send();
    }

    @Test
    void rejectsTerminalsWhoseApiTokenExpiredAtTheNextSweep() {
        owner = users.register(uniqueEmail("sweep-owner"));
        projectId = http.post("/api/projects", Map.of("name", "Sweep")).bearer(owner.accessToken()).send().text("id");
        assertThat(http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send().status())
                .isEqualTo(200);
        var token = http.post("/api/auth/tokens", Map.of("name", "script", "expiresInDays", 1)).bearer(owner.accessToken()).send();
        TerminalClient viaToken = connect(token.text("token"));
        TerminalClient viaSignIn = connect(owner.accessToken());
        viaToken.type("echo token-$((6*7))\n");
        viaToken.awaitOutput("token-42");

        jdbc.sql("update api_tokens set expires_at = now() where id = ?").param(UUID.fromString(token.text("id"))).update();
        sockets.revalidate();

        assertThat(viaToken.closedWithin(Duration.ofSeconds(2))).isEqualTo(new TerminalClient.Closed(1008, "session-ended"));
        assertThat(viaToken.output()).contains("\"code\":\"session-ended\"");
        viaSignIn.type("echo signed-in-$((6*7))\n");
        viaSignIn.awaitOutput("signed-in-42");
        assertThat(viaSignIn.isClosed()).isFalse();
        viaSignIn.close();
    }

    private TerminalClient connect(String bearer) {
        String ticket = http.post("/api/realtime/tickets", null).bearer(bearer).send().text("ticket");
        return TerminalClient.connect(port, projectId, UUID.randomUUID(), ticket);
    }
}
