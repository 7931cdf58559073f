package dev.vaporform.collab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.vaporform.collab.EventsClient.type;
import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A live document whose file is moved or deleted: nothing typed is lost, and everyone hears who did it. */
class MovedDocumentTests extends CollabTestSupport {

    private JsonNode move(String from, String to) {
        var moved = http.post("/api/projects/" + projectId + "/move", Map.of("from", from, "to", to)).bearer(owner.accessToken()).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved.json();
    }

    @Test
    void editsNotYetWrittenBackAndOpsStillSubmittedToTheOldIdReachTheMovedFile() {
        createProject("Moving");
        http.put("/api/projects/" + projectId + "/files/notes.txt", "hello").bearer(owner.accessToken()).contentType("text/plain").send();
        ShareDbClient a = connect(owner);
        a.send(subscribe("notes.txt"));
        assertThat(a.next(action("s")).path("data").path("v").asLong()).isEqualTo(1);

        a.send(op("notes.txt", 1, 1, List.of(5, " ada")));
        a.next(ack(a.src, 1));
        move("notes.txt", "docs/notes.txt"); // before the write-back delay is over
        a.send(op("notes.txt", 2, 2, List.of(9, "!"))); // a client that has not heard of the move yet
        a.next(ack(a.src, 2));

        awaitFile("docs/notes.txt", "hello ada!");
        assertThat(fileText("notes.txt")).as("the old path stays free").isNull();
        ShareDbClient b = connect(owner);
        b.send(subscribe("docs/notes.txt"));
        assertThat(b.next(action("s")).path("data").path("data").asString()).isEqualTo("hello ada!");
        a.close();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(storedOps("notes.txt")).as("the old id's op log goes once its clients left").isZero();
            assertThat(storedVersion("notes.txt")).isZero();
        });
        assertThat(fileText("notes.txt")).isNull();
    }

    @Test
    void fileMovedAndDeletedEventsNameWhoDidIt() {
        createProject("Who");
        EventsClient events = EventsClient.connect(port, ticket(owner));
        events.send(Map.of("type", "subscribe", "projectId", projectId.toString()));
        events.next(type("subscribed"));
        String files = "/api/projects/" + projectId + "/files/";
        http.put(files + "a.txt", "one").bearer(owner.accessToken()).contentType("text/plain").send();
        move("a.txt", "b.txt");
        JsonNode moved = events.next(type("file.moved"));
        assertThat(moved.path("from").asString()).isEqualTo("a.txt");
        assertThat(moved.path("to").asString()).isEqualTo("b.txt");
        assertThat(moved.path("userId").asString()).isEqualTo(owner.id().toString());
        http.delete(files + "b.txt").bearer(owner.accessToken()).send();
        assertThat(events.next(type("file.deleted")).path("userId").asString()).isEqualTo(owner.id().toString());
    }
}
