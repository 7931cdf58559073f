package dev.vaporform.collab;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.TerminalClient;
import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access taken away on one node is taken away on the other within two seconds: a member removed
 * through node a loses their events subscription (no more project events, no more chat) and
 * their terminal on node b; deleting an API token or logging out through node a closes the
 * terminals on node b that stood for it, and only those. Both nodes re-check open sockets only
 * hourly here, so what closes them is the change itself, relayed between the nodes.
 */
@RequiresDocker
class RevocationNodesTests extends NodesTestSupport {

    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final String[] NO_SWEEPS = {"--vaporform.collab.revalidate-interval=1h",
            "--vaporform.containers.terminal-revalidate-interval=1h"};

    @Test
    void removalsTokenDeletionsAndLogoutsOnOneNodeCloseTheSocketsOnTheOther() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env, NO_SWEEPS);
        ChildServer b = cluster.node("b", env, NO_SWEEPS);
        Users.Session owner = new Users(a.http()).register(uniqueEmail("nodes-owner"));
        String project = a.http().post("/api/projects", Map.of("name", "Revocation")).bearer(owner.accessToken()).send().text("id");
        Users.Session removed = member(a, owner, project);
        Users.Session scripted = member(a, owner, project);
        var start = b.http().post("/api/projects/" + project + "/workspace/start", null).bearer(owner.accessToken()).send();
        cluster.closeLater(() -> b.http().delete("/api/projects/" + project + "/workspace").bearer(owner.accessToken()).send());
        assertThat(start.status()).as(start.toString()).isEqualTo(200);

        EventsClient watcher = subscribe(a, a, owner, project);
        EventsClient theirEvents = subscribe(a, b, removed, project);
        TerminalClient theirTerminal = terminal(a, b, project, removed.accessToken());
        assertTyping(theirTerminal);

        a.http().delete("/api/projects/" + project + "/collaborators/" + removed.id()).bearer(owner.accessToken()).send();
        assertThat(theirTerminal.closedWithin(QUICKLY)).isEqualTo(new TerminalClient.Closed(1008, "project-access-revoked"));
        assertThat(theirEvents.closed.orTimeout(QUICKLY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join()).isEqualTo(1008);
        assertThat(theirEvents.next(EventsClient.type("error")).path("code").asString()).isEqualTo("project-access-revoked");
        trySend(theirEvents, Map.of("type", "chat", "projectId", project, "text", "from-the-removed-member"));
        watcher.send(Map.of("type", "chat", "projectId", project, "text", "after-the-removal"));
        watcher.next(m -> "after-the-removal".equals(m.path("text").asString()));
        assertThat(watcher.all(EventsClient.type("chat.message"))).noneSatisfy(m ->
                assertThat(m.path("text").asString()).isEqualTo("from-the-removed-member"));
        assertThat(theirEvents.all(EventsClient.type("chat.message"))).as("project events after the removal").isEmpty();

        var token = a.http().post("/api/auth/tokens", Map.of("name", "script", "expiresInDays", 1)).bearer(scripted.accessToken()).send();
        TerminalClient viaToken = terminal(a, b, project, token.text("token"));
        TerminalClient viaSignIn = terminal(a, b, project, scripted.accessToken());
        assertTyping(viaToken);
        a.http().delete("/api/auth/tokens/" + token.text("id")).bearer(scripted.accessToken()).send();
        assertThat(viaToken.closedWithin(QUICKLY)).isEqualTo(new TerminalClient.Closed(1008, "session-ended"));
        assertTyping(viaSignIn);
        a.http().post("/api/auth/logout", Map.of("refreshToken", scripted.refreshToken())).send();
        assertThat(viaSignIn.closedWithin(QUICKLY)).isEqualTo(new TerminalClient.Closed(1008, "session-ended"));
    }

    private static Users.Session member(ChildServer node, Users.Session owner, String project) {
        Users.Session member = new Users(node.http()).register(uniqueEmail("nodes-member"));
        var added = node.http().post("/api/projects/" + project + "/collaborators", Map.of("email", member.email(), "role", "collaborator"))
                .bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return member;
    }

    /** An events socket on {@code node}, opened with a ticket taken from {@code issuer}. */
    private EventsClient subscribe(ChildServer issuer, ChildServer node, Users.Session who, String project) {
        EventsClient client = EventsClient.connect(node.port(), ticket(issuer, who.accessToken()));
        cluster.closeLater(client::close);
        client.send(Map.of("type", "subscribe", "projectId", project));
        client.next(EventsClient.type("subscribed"));
        return client;
    }

    /** A terminal on {@code node}, opened with a ticket taken from {@code issuer} with {@code bearer}. */
    private TerminalClient terminal(ChildServer issuer, ChildServer node, String project, String bearer) {
        TerminalClient client = TerminalClient.connect(node.port(), project, UUID.randomUUID(), ticket(issuer, bearer));
        cluster.closeLater(client::close);
        return client;
    }

    private static String ticket(ChildServer issuer, String bearer) {
        return issuer.http().post("/api/realtime/tickets", null).bearer(bearer).send().text("ticket");
    }

    private static void assertTyping(TerminalClient terminal) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        terminal.type("echo " + marker + "-$((6*7))\n");
        terminal.awaitOutput(marker + "-42");
    }

    private static void trySend(EventsClient client, Object frame) {
        try {
            client.send(frame);
        } catch (RuntimeException closed) {
            // the socket is gone: the chat cannot be sent, which is the point
        }
    }
}
