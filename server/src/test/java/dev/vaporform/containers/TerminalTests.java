package dev.vaporform.containers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Interactive terminals over {@code /ws/terminal}: typing, reconnect with replay, several viewers, who may connect. */
@RequiresDocker
class TerminalTests extends WorkspaceTestSupport {

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    /** A terminal client as a browser would be: everything the server sent, and the close status. */
    static final class Client implements WebSocket.Listener {
        final StringBuffer output = new StringBuffer();
        final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            output.append(data);
            frames.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        void type(String text) {
            socket.sendText("{\"type\":\"input\",\"data\":" + dev.vaporform.support.Http.JSON.writeValueAsString(text) + "}", true).join();
        }
    }

    private String ticket(Session who) {
        return http.post("/api/realtime/tickets", null).bearer(who.accessToken()).send().text("ticket");
    }

    private Client connect(Session who, UUID session, String origin) {
        Client client = new Client();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) builder.header("Origin", origin);
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/terminal?project=" + projectId
                + "&session=" + session + "&ticket=" + ticket(who)), client).join();
        return client;
    }

    @Test
    void typedCommandsRunAndAReconnectReplaysRecentOutput() {
        createProject("Terminal");
        start();
        UUID session = UUID.randomUUID();
        Client first = connect(owner, session, "http://localhost:8080");
        first.type("echo $((40+2))-marker\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.output.toString().contains("42-marker"));
        first.socket.sendText("{\"type\":\"resize\",\"cols\":120,\"rows\":40}", true).join();
        first.type("stty size\n");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.output.toString()).contains("40 120"));
        first.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();

        Client again = connect(owner, session, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> again.output.toString().contains("42-marker"));
        again.type("echo still-the-same-shell-$$\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> again.output.toString().contains("still-the-same-shell-"));
    }

    @Test
    void severalViewersWatchOneSession() {
        createProject("Pairing");
        start();
        var pair = users.register(uniqueEmail("pair"));
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", pair.email(), "role", "collaborator")).bearer(owner.accessToken()).send();
        UUID session = UUID.randomUUID();
        Client mine = connect(owner, session, null);
        Client theirs = connect(pair, session, null);
        mine.type("echo shared-view\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> theirs.output.toString().contains("shared-view"));
    }

    @Test
    void removedCollaboratorsTerminalClosesAtOnce() {
        createProject("Removal");
        start();
        var pair = users.register(uniqueEmail("removed"));
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", pair.email(), "role", "collaborator")).bearer(owner.accessToken()).send();
        UUID session = UUID.randomUUID();
        Client mine = connect(owner, session, null);
        Client theirs = connect(pair, session, null);
        theirs.type("echo before-removal\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.output.toString().contains("before-removal"));
        http.delete("/api/projects/" + projectId + "/collaborators/" + pair.id()).bearer(owner.accessToken()).send();
        assertThat(theirs.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
        mine.type("echo owner-still-here\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> mine.output.toString().contains("owner-still-here"));
    }

    @Test
    void rejectsViewersOfTheProjectWithAnErrorFrameAndPolicyClose() {
        createProject("Terminal roles");
        start();
        var viewer = users.register(uniqueEmail("term-viewer"));
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", viewer.email(), "role", "viewer")).bearer(owner.accessToken()).send();
        Client client = connect(viewer, UUID.randomUUID(), null);
        assertThat(client.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
        assertThat(client.output.toString()).contains("\"type\":\"error\"", "project-role-too-low");
    }

    @Test
    void rejectsUpgradesWithoutATicketWithASpentTicketOrFromAForeignOrigin() {
        createProject("Terminal auth");
        var ws = HttpClient.newHttpClient().newWebSocketBuilder();
        String base = "ws://localhost:" + port + "/ws/terminal?project=" + projectId + "&session=" + UUID.randomUUID();
        assertThat(handshakeStatus(() -> ws.buildAsync(URI.create(base), new Client()).join())).isEqualTo(401);
        String ticket = ticket(owner);
        connectRaw(base + "&ticket=" + ticket);
        assertThat(handshakeStatus(() -> connectRaw(base + "&ticket=" + ticket))).as("a ticket works once").isEqualTo(401);
        assertThat(handshakeStatus(() -> connectRaw(base + "&ticket=not-a-ticket"))).isEqualTo(401);
        for (String origin : new String[]{"https://evil.example", "http://localhost:8080.evil.com", "null"}) {
            assertThat(handshakeStatus(() -> HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create(base + "&ticket=" + ticket(owner)), new Client()).join())).as(origin).isEqualTo(403);
        }
    }

    private static int handshakeStatus(Runnable connect) {
        try {
            connect.run();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) return refused.getResponse().statusCode();
            throw e;
        }
    }

    private void connectRaw(String uri) {
        // The upgrade succeeding is the point; the server may already be closing (no running
        // workspace here), so drop the socket rather than race it with a close frame.
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(uri), new Client()).join().abort();
    }
}
