package dev.vaporform.collab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A project with an owner, and the ShareDB frames tests send. */
abstract class CollabTestSupport extends IntegrationTest {

    static final String TEXT_UNICODE = "http://sharejs.org/types/text-unicode";

    @Autowired
    JdbcClient jdbc;

    Session owner;
    UUID projectId;

    void createProject(String name) {
        owner = users.register(uniqueEmail("collab-owner"));
        var response = http.post("/api/projects", Map.of("name", name)).bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        projectId = UUID.fromString(response.text("id"));
    }

    Session member(String role) {
        Session member = users.register(uniqueEmail("collab-" + role));
        var response = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", member.email(), "role", role))
                .bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return member;
    }

    String ticket(Session who) {
        return http.post("/api/realtime/tickets", null).bearer(who.accessToken()).send().text("ticket");
    }

    ShareDbClient connect(Session who) {
        ShareDbClient client = ShareDbClient.connect(port, ticket(who));
        client.send(Map.of("a", "hs", "protocol", 1, "protocolMinor", 2));
        client.next(ShareDbClient.action("hs"));
        return client;
    }

    Map<String, Object> create(String path, int seq, String text) {
        return Map.of("a", "op", "c", projectId.toString(), "d", path, "seq", seq, "x", Map.of(),
                "create", Map.of("type", TEXT_UNICODE, "data", text));
    }

    Map<String, Object> op(String path, int seq, long v, Object op) {
        return Map.of("a", "op", "c", projectId.toString(), "d", path, "seq", seq, "v", v, "x", Map.of(), "op", op);
    }

    Map<String, Object> subscribe(String path) {
        return Map.of("a", "s", "c", projectId.toString(), "d", path);
    }

    /** A text-unicode presence in {@code path} at version 1 (just after its create); a null {@code value} clears it. */
    Map<String, Object> presence(String id, String path, Object value, int pv) {
        Map<String, Object> frame = new LinkedHashMap<>(Map.of("a", "p", "ch", projectId + "." + path, "id", id, "pv", pv,
                "c", projectId.toString(), "d", path, "v", 1, "t", TEXT_UNICODE));
        frame.put("p", value);
        return frame;
    }

    /** A connection of {@code who} that listens to the presences in {@code path}. */
    ShareDbClient presenceListener(Session who, String path) {
        ShareDbClient listener = connect(who);
        listener.send(Map.of("a", "ps", "ch", projectId + "." + path, "seq", 1));
        listener.next(ShareDbClient.action("ps"));
        return listener;
    }

    /** @return the node's {@code vaporform_collab_documents_live} gauge, from {@code /actuator/prometheus} on the management port */
    double liveDocuments() {
        var response = management().get("/actuator/prometheus").send();
        assertThat(response.status()).isEqualTo(200);
        var sample = java.util.regex.Pattern.compile("(?m)^vaporform_collab_documents_live(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(response.body());
        assertThat(sample.find()).as("the live documents gauge is exported").isTrue();
        return Double.parseDouble(sample.group(1));
    }

    String fileText(String path) {
        var response = http.get("/api/projects/" + projectId + "/files/" + path).bearer(owner.accessToken()).send();
        return response.status() == 200 ? response.body() : null;
    }

    void awaitFile(String path, String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fileText(path)).isEqualTo(expected));
    }

    long storedVersion(String path) {
        return jdbc.sql("select version from collab_documents where project_id = ? and path = ?").params(projectId, path)
                .query(Long.class).optional().orElse(0L);
    }

    long storedOps(String path) {
        return jdbc.sql("select count(*) from collab_ops where project_id = ? and path = ?").params(projectId, path).query(Long.class).single();
    }
}
