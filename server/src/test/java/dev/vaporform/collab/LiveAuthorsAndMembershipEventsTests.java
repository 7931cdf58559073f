package dev.vaporform.collab;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vaporform.support.Users.Session;

import static dev.vaporform.collab.EventsClient.type;
import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Versions written from live documents name who typed; membership changes reach open sockets. */
class LiveAuthorsAndMembershipEventsTests extends CollabTestSupport {

    @Test
    void aVersionWrittenFromALiveDocumentNamesEveryoneWhoTypedSinceThePreviousOne() {
        createProject("Authors");
        Session bob = member("collaborator");
        ShareDbClient a = connect(owner);
        a.send(create("notes.md", 1, "hello"));
        a.next(ack(a.src, 1));
        awaitFile("notes.md", "hello");
        ShareDbClient b = connect(bob);
        a.send(Map.of("a", "s", "c", projectId.toString(), "d", "notes.md", "v", 1));
        b.send(subscribe("notes.md"));
        b.next(action("s"));

        a.send(op("notes.md", 2, 1, List.of(5, " ada")));
        a.next(ack(a.src, 2));
        b.send(op("notes.md", 1, 2, List.of("bob ")));
        b.next(ack(b.src, 1));
        awaitFile("notes.md", "bob hello ada");

        JsonNode latest = http.get("/api/projects/" + projectId + "/history/notes.md").bearer(owner.accessToken()).send().json().get(0);
        assertThat(latest.path("authorIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(owner.id().toString(), bob.id().toString());
        assertThat(latest.path("authorId").asString()).as("the last to type").isEqualTo(bob.id().toString());
    }

    @Test
    void aUsersOpenSocketsHearOfProjectsTheyJoinAndTheMembersListOfTheChange() {
        createProject("Joining");
        EventsClient ownerSocket = EventsClient.connect(port, ticket(owner));
        ownerSocket.send(Map.of("type", "subscribe", "projectId", projectId.toString()));
        ownerSocket.next(type("subscribed"));
        Session newcomer = users.register(uniqueEmail("joiner"));
        EventsClient projectList = EventsClient.connect(port, ticket(newcomer));

        var added = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", newcomer.email(), "role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(added.status()).isEqualTo(201);

        JsonNode joined = projectList.next(type("project.added"));
        assertThat(joined.path("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(joined.path("role").asString()).isEqualTo("viewer");
        assertThat(ownerSocket.next(type("members.changed")).path("userId").asString()).isEqualTo(newcomer.id().toString());

        var invited = http.post("/api/projects/" + projectId + "/invitations", Map.of("email", uniqueEmail("later"), "role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(invited.status()).isEqualTo(201);
        await().untilAsserted(() -> assertThat(ownerSocket.all(type("members.changed"))).hasSize(2));
    }
}
