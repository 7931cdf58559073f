package dev.vaporform.projects;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's updatedAt (what the list shows and sorts by) follows changes to its files, not
 * only to its name, and is written at most once per resolution (2 s in tests, a minute by default).
 */
class ProjectUpdatedTimeTests extends IntegrationTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(2);

    @Autowired
    JdbcClient jdbc;

    private Session owner;
    private String projectId;

    /** As if the project had last changed two days ago. */
    private Instant backdate(String id) {
        Instant longAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update projects set updated_at = ? where id = ?").params(Timestamp.from(longAgo), UUID.fromString(id)).update();
        return longAgo;
    }

    private Instant updatedAt() {
        return Instant.parse(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().text("updatedAt"));
    }

    private void put(String path) {
        var put = http.put("/api/projects/" + projectId + "/files/" + path, "text").bearer(owner.accessToken()).contentType("application/octet-stream").send();
        assertThat(put.status()).as(put.toString()).isIn(200, 201);
    }

    /** Waits out the resolution, makes the project old, runs {@code change}: the project is new again. */
    private void movesForward(Runnable change) throws InterruptedException {
        Thread.sleep(RESOLUTION.plusMillis(200));
        Instant longAgo = backdate(projectId);
        assertThat(updatedAt()).isEqualTo(longAgo);
        Instant before = Instant.now().minusSeconds(1);
        change.run();
        assertThat(updatedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void writingMovingAndDeletingFilesEachMoveTheProjectForward() throws Exception {
        owner = users.register(uniqueEmail("touch"));
        String untouched = http.post("/api/projects", Map.of("name", "Untouched")).bearer(owner.accessToken()).send().text("id");
        projectId = http.post("/api/projects", Map.of("name", "Touched")).bearer(owner.accessToken()).send().text("id");
        backdate(untouched);

        movesForward(() -> put("a.txt"));
        movesForward(() -> assertThat(http.post("/api/projects/" + projectId + "/move", Map.of("from", "a.txt", "to", "b.txt"))
                .bearer(owner.accessToken()).send().status()).isEqualTo(200));
        movesForward(() -> assertThat(http.delete("/api/projects/" + projectId + "/files/b.txt")
                .bearer(owner.accessToken()).send().status()).isEqualTo(204));

        // the list, newest first, has the project whose files changed ahead of the one untouched
        var items = http.get("/api/projects?size=100").bearer(owner.accessToken()).send().json().path("items");
        assertThat(items.get(0).path("id").asString()).isEqualTo(projectId);
        assertThat(items.get(1).path("id").asString()).isEqualTo(untouched);
    }

    @Test
    void aBusyProjectHasItsTimeWrittenOncePerResolution() throws Exception {
        owner = users.register(uniqueEmail("busy"));
        projectId = http.post("/api/projects", Map.of("name", "Busy")).bearer(owner.accessToken()).send().text("id");
        movesForward(() -> put("first.txt"));

        // within the resolution, further changes are not written (the list shows minutes anyway)
        Instant longAgo = backdate(projectId);
        put("second.txt");
        assertThat(updatedAt()).isEqualTo(longAgo);
    }
}
