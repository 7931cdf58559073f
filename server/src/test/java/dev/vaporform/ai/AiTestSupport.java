package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.FakeAnthropic;
import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

/** A project with an owner and files, and the calls AI tests make. */
abstract class AiTestSupport extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    final FakeAnthropic fake = FakeAnthropic.get();
    Session owner;
    UUID projectId;

    @BeforeEach
    void project() {
        fake.reset();
        owner = users.register(uniqueEmail("ai-owner"));
        projectId = createProject(owner, "ai-project");
    }

    UUID createProject(Session who, String name) {
        var response = http.post("/api/projects", Map.of("name", name)).bearer(who.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    Session member(String role) {
        Session member = users.register(uniqueEmail("ai-" + role));
        var response = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", member.email(), "role", role))
                .bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return member;
    }

    void write(String path, String text) {
        write(projectId, path, text);
    }

    void write(UUID project, String path, String text) {
        var response = http.put("/api/projects/" + project + "/files/" + path, text).contentType("application/octet-stream")
                .bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    String read(String path) {
        return read(projectId, path);
    }

    String read(UUID project, String path) {
        var response = http.get("/api/projects/" + project + "/files/" + path).bearer(owner.accessToken()).send();
        return response.status() == 200 ? response.body() : null;
    }

    Http.Request generateRequest(Session who, Map<String, Object> body) {
        return http.post("/api/projects/" + projectId + "/ai/generate", body).bearer(who.accessToken()).header("Accept", "text/event-stream");
    }

    /** Asks and reads the whole event stream; the answer must be a stream. */
    List<SseEvents.Event> generate(Session who, Map<String, Object> body) {
        HttpResponse<Stream<String>> response = generateRequest(who, body).sendForLines();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        return new SseEvents(response.body()).all();
    }

    /** Asks for something refused before any stream: the problem answer. */
    Http.Response refused(Session who, Map<String, Object> body) {
        return generateRequest(who, body).send();
    }

    static String editBlock(String path, String search, String replace) {
        return path + "\n<<<<<<< SEARCH\n" + search + "=======\n" + replace + ">>>>>>> REPLACE\n";
    }

    /** @return the outcome of each call the user made, oldest first, as recorded for usage */
    List<String> usageOutcomes(Session who) {
        return jdbc.sql("select outcome from ai_usage where user_id = ? order by id").param(who.id()).query(String.class).list();
    }
}
