package dev.vaporform.collab;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vaporform.support.FakeAnthropic;

/**
 * An AI edit to a document someone has open goes through the collaboration server: a second
 * subscribed ShareDB client receives it as an op (with code-point positions), the project hears
 * {@code ai.edit}, and the file follows.
 */
class AiLiveEditTests extends CollabTestSupport {

    @Test
    void anAppliedAiEditReachesASubscribedClientAsAnOp() {
        createProject("AI live");
        http.put("/api/projects/" + projectId + "/files/src/main.js", "// 😀 greet\nconst greeting = 'hello';\n")
                .bearer(owner.accessToken()).contentType("text/plain").send();
        var colleague = member("collaborator");
        ShareDbClient watcher = connect(colleague);
        watcher.send(subscribe("src/main.js"));
        assertThat(watcher.next(action("s")).path("data").path("data").asString()).startsWith("// 😀 greet");
        // the owner types something first, so the AI's op is transformed against a live history
        ShareDbClient typist = connect(owner);
        typist.send(subscribe("src/main.js"));
        long v = typist.next(action("s")).path("data").path("v").asLong();
        typist.send(op("src/main.js", 1, v, List.of("/* top */\n")));
        typist.next(ack(typist.src, 1));
        EventsClient events = EventsClient.connect(port, ticket(colleague));
        events.send(Map.of("type", "subscribe", "projectId", projectId.toString()));
        events.next(EventsClient.type("subscribed"));

        FakeAnthropic.get().enqueue(FakeAnthropic.answer("src/main.js\n<<<<<<< SEARCH\nconst greeting = 'hello';\n=======\nconst greeting = 'héllo wörld';\n>>>>>>> REPLACE\n"));
        var response = http.post("/api/projects/" + projectId + "/ai/generate",
                Map.of("prompt", "Make the greeting fancier", "path", "src/main.js", "apply", true)).bearer(owner.accessToken()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("event:edit").contains("\"status\":\"applied\"").contains("\"via\":\"live\"").contains("event:done");
        JsonNode op = watcher.next(f -> f.has("op") && f.path("op").toString().contains("éllo wörld"));
        // "/* top */\n// 😀 greet\n" is 21 code points (22 UTF-16 units): positions count code points
        assertThat(op.path("op").get(0).asInt()).isEqualTo(21 + "const greeting = 'h".length());
        JsonNode aiEdit = events.next(EventsClient.type("ai.edit"));
        assertThat(aiEdit.path("path").asString()).isEqualTo("src/main.js");
        assertThat(aiEdit.path("userId").asString()).isEqualTo(owner.id().toString());
        awaitFile("src/main.js", "/* top */\n// 😀 greet\nconst greeting = 'héllo wörld';\n");
    }
}
