package dev.vaporform.collab;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.containers.WorkspaceStatusChanged;
import dev.vaporform.support.Users.Session;

import static dev.vaporform.collab.EventsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

/** /ws/events: subscriptions, the session roster, and the project's events. */
class ProjectEventsTests extends CollabTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    EventsClient subscribed(Session who) {
        EventsClient client = EventsClient.connect(port, ticket(who));
        client.send(Map.of("type", "subscribe", "projectId", projectId.toString()));
        client.next(type("subscribed"));
        return client;
    }

    @Test
    void aParticipantWhoseClientFallsSilentLeavesAfterTheIdleTimeoutWhileOneThatAnswersPingsStays() {
        createProject("Silence");
        Session viewer = member("viewer");
        EventsClient mine = subscribed(owner);
        EventsClient theirs = subscribed(viewer);
        mine.next(type("participant.joined"));
        long started = System.nanoTime();

        theirs.goSilent();

        JsonNode left = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40))
                .until(() -> mine.all(type("participant.left")).stream().findFirst().orElse(null), f -> f != null);
        assertThat(left.path("userId").asString()).isEqualTo(viewer.id().toString());
        // the owner's client sent nothing meanwhile either, but answered the server's pings
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(java.time.Duration.ofSeconds(10));
        assertThat(mine.closed).isNotDone();
        mine.send(Map.of("type", "ping"));
        mine.next(type("pong"));
    }

    @Test
    void aViewerSubscribesAndParticipantsJoinAndLeave() {
        createProject("Roster");
        EventsClient mine = subscribed(owner);
        Session viewer = member("viewer");
        EventsClient theirs = subscribed(viewer);

        JsonNode joined = mine.next(type("participant.joined"));
        assertThat(joined.path("userId").asString()).isEqualTo(viewer.id().toString());
        assertThat(joined.path("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(Instant.parse(joined.path("at").asString())).isNotNull();
        JsonNode subscribed = theirs.next(type("subscribed"));
        assertThat(subscribed.path("participants").findValuesAsString("userId")).contains(owner.id().toString(), viewer.id().toString());
        assertThat(theirs.all(type("participant.joined"))).as("nobody is told of their own joining").isEmpty();

        var sessions = http.get("/api/projects/" + projectId + "/sessions").bearer(viewer.accessToken()).send();
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().path("items").get(0).path("sessionId").asString()).isEqualTo(subscribed.path("sessionId").asString());
        assertThat(sessions.json().path("items").get(0).path("participants").findValuesAsString("userId")).hasSize(2);

        EventsClient secondTab = subscribed(viewer);
        secondTab.close();
        theirs.close();
        JsonNode left = mine.next(type("participant.left"));
        assertThat(left.path("userId").asString()).isEqualTo(viewer.id().toString());
        assertThat(mine.all(type("participant.left"))).as("one leave, when the last socket closed").hasSize(1);
    }

    @Test
    void openingASessionAnswersItsIdAndSocketUrls() {
        createProject("Open");
        var created = http.post("/api/projects/" + projectId + "/sessions", null).bearer(owner.accessToken()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("collabUrl")).endsWith("/ws/collab").startsWith("ws");
        assertThat(created.text("eventsUrl")).endsWith("/ws/events");
        EventsClient mine = subscribed(owner);
        assertThat(mine.next(type("subscribed")).path("sessionId").asString()).isEqualTo(created.text("sessionId"));
    }

    @Test
    void rejectsANonMembersSubscriptionWithAnErrorFrameAndPolicyClose() {
        createProject("Closed");
        Session stranger = users.register(uniqueEmail("stranger"));
        EventsClient client = EventsClient.connect(port, ticket(stranger));
        client.send(Map.of("type", "subscribe", "projectId", projectId.toString()));
        assertThat(client.next(type("error")).path("code").asString()).isEqualTo("project-not-found");
        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(http.get("/api/projects/" + projectId + "/sessions").bearer(stranger.accessToken()).send().status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + projectId + "/chat").bearer(stranger.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsMalformedAndUnknownFramesWithoutHarmingTheSocketUntilItIsNotJson() {
        createProject("Frames");
        EventsClient client = subscribed(owner);
        client.send(Map.of("type", "dance", "projectId", projectId.toString()));
        assertThat(client.next(type("error")).path("code").asString()).isEqualTo("unknown-type");
        client.send(Map.of("type", "subscribe", "projectId", "not-a-uuid"));
        client.next(f -> "invalid-project-id".equals(f.path("code").asString()));
        client.send(Map.of("type", "ping"));
        client.next(type("pong"));
        client.send("[not an object]");
        assertThat(client.closeCode()).isEqualTo(1007);
    }

    @Test
    void rejectsAnEventsFrameOver64KbWith1009() {
        createProject("Big frame");
        EventsClient client = subscribed(owner);
        client.send(Map.of("type", "chat", "projectId", projectId.toString(), "text", "x".repeat(1000)));
        client.next(f -> "chat-too-long".equals(f.path("code").asString()) || "chat.message".equals(f.path("type").asString()));
        client.send(Map.of("type", "chat", "projectId", projectId.toString(), "text", "x".repeat(70_000)));
        assertThat(client.closeCode()).isEqualTo(1009);
    }

    @Test
    void chatIsStoredSentToEveryoneIncludingTheSenderAndPagedNewestFirst() {
        createProject("Chat");
        EventsClient mine = subscribed(owner);
        Session viewer = member("viewer");
        EventsClient theirs = subscribed(viewer);
        theirs.send(Map.of("type", "chat", "projectId", projectId.toString(), "text", "viewers may chat", "clientId", "c-1"));
        JsonNode received = mine.next(type("chat.message"));
        assertThat(received.path("text").asString()).isEqualTo("viewers may chat");
        assertThat(received.path("userId").asString()).isEqualTo(viewer.id().toString());
        JsonNode echo = theirs.next(type("chat.message"));
        assertThat(echo.path("id").asString()).isEqualTo(received.path("id").asString());
        assertThat(echo.path("clientId").asString()).isEqualTo("c-1");
        for (int i = 1; i <= 3; i++) {
            mine.send(Map.of("type", "chat", "projectId", projectId.toString(), "text", "message " + i));
            int seen = i + 1;
            mine.next(f -> mine.all(type("chat.message")).size() >= seen);
        }

        JsonNode first = http.get("/api/projects/" + projectId + "/chat?limit=2").bearer(viewer.accessToken()).send().json();
        assertThat(first.path("items").findValuesAsString("text")).containsExactly("message 3", "message 2");
        JsonNode second = http.get("/api/projects/" + projectId + "/chat?limit=2&before=" + first.path("nextBefore").asString())
                .bearer(viewer.accessToken()).send().json();
        assertThat(second.path("items").findValuesAsString("text")).containsExactly("message 1", "viewers may chat");
        String at = second.path("items").get(0).path("at").asString();
        JsonNode byTime = http.get("/api/projects/" + projectId + "/chat?before=" + at).bearer(viewer.accessToken()).send().json();
        assertThat(byTime.path("items").findValuesAsString("text")).containsExactly("viewers may chat");
        assertThat(byTime.hasNonNull("nextBefore")).as("no older page").isFalse();
        assertThat(http.get("/api/projects/" + projectId + "/chat?before=yesterday").bearer(owner.accessToken()).send().status()).isEqualTo(400);
    }

    @Test
    void rejectsChatThatIsTooLongTooFrequentOrUnsubscribed() {
        createProject("Chatty");
        EventsClient mine = subscribed(owner);
        String p = projectId.toString();
        mine.send(Map.of("type", "chat", "projectId", p, "text", "x".repeat(2001)));
        mine.next(f -> "chat-too-long".equals(f.path("code").asString()));
        for (int i = 0; i < 6; i++) mine.send(Map.of("type", "chat", "projectId", p, "text", "spam " + i));
        mine.next(f -> "chat-rate-limited".equals(f.path("code").asString()));
        assertThat(mine.all(type("chat.message"))).hasSize(5);

        EventsClient unsubscribed = EventsClient.connect(port, ticket(owner));
        unsubscribed.send(Map.of("type", "chat", "projectId", p, "text", "hello?"));
        unsubscribed.next(f -> "not-subscribed".equals(f.path("code").asString()));
        assertThat(mine.closed).isNotDone();
    }

    @Test
    void aFileWrittenThroughTheFilesApiReachesSubscribersAsFileEvents() {
        createProject("Files");
        EventsClient mine = subscribed(owner);
        String files = "/api/projects/" + projectId + "/files/";
        http.put(files + "src/a.txt", "one").bearer(owner.accessToken()).contentType("text/plain").send();
        JsonNode changed = mine.next(type("file.changed"));
        assertThat(changed.path("path").asString()).isEqualTo("src/a.txt");
        assertThat(changed.path("version").asLong()).isEqualTo(1);
        http.delete(files + "src/a.txt").bearer(owner.accessToken()).send();
        assertThat(mine.next(type("file.deleted")).path("path").asString()).isEqualTo("src/a.txt");
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%ProjectEventsForwarder%' and serialized_event like ?")
                .param("%" + projectId + "%").query(Long.class).single())
                .as("a notification leaves no event publication to record, complete or retry").isZero();
    }

    @Test
    void workspaceStatusAndAiEditsPublishedByOtherModulesReachSubscribers() {
        createProject("Activity");
        EventsClient mine = subscribed(owner);
        events.publishEvent(new WorkspaceStatusChanged(projectId, WorkspaceStatus.running, "c1", null, Instant.now()));
        assertThat(mine.next(type("workspace.status")).path("status").asString()).isEqualTo("running");
        events.publishEvent(ProjectActivity.aiEdit(projectId, owner.id(), "src/Main.java", null));
        JsonNode edit = mine.next(type("ai.edit"));
        assertThat(edit.path("path").asString()).isEqualTo("src/Main.java");
        assertThat(edit.path("userId").asString()).isEqualTo(owner.id().toString());
        assertThat(edit.path("projectId").asString()).isEqualTo(projectId.toString());
    }

    @Test
    void removedMembersEventsSocketClosesWithPolicyViolation() {
        createProject("Removed");
        Session pair = member("collaborator");
        EventsClient theirs = subscribed(pair);
        EventsClient mine = subscribed(owner);
        http.delete("/api/projects/" + projectId + "/collaborators/" + pair.id()).bearer(owner.accessToken()).send();
        assertThat(theirs.next(type("error")).path("code").asString()).isEqualTo("project-access-revoked");
        assertThat(theirs.closeCode()).isEqualTo(1008);
        assertThat(mine.next(type("participant.left")).path("userId").asString()).isEqualTo(pair.id().toString());
    }

    @Test
    void deletingTheProjectClosesItsEventsSockets() {
        createProject("Deleted");
        EventsClient mine = subscribed(owner);
        assertThat(http.delete("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(mine.next(type("error")).path("code").asString()).isEqualTo("project-not-found");
        assertThat(mine.closeCode()).isEqualTo(1008);
    }

    @Test
    void loggingOutClosesTheUsersSocketsWithinTheRevalidateInterval() {
        createProject("Logout");
        Session member = member("collaborator");
        EventsClient events = subscribed(member);
        ShareDbClient collab = connect(member);
        var logout = http.post("/api/auth/logout", Map.of("refreshToken", member.refreshToken())).send();
        assertThat(logout.status()).isEqualTo(204);
        assertThat(events.closeCode()).as("revalidate-interval is 1s in tests").isEqualTo(1008);
        assertThat(collab.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
        assertThat(events.next(type("error")).path("code").asString()).isEqualTo("session-ended");
        EventsClient stillIn = subscribed(owner);
        stillIn.send(Map.of("type", "ping"));
        stillIn.next(type("pong"));
    }
}
