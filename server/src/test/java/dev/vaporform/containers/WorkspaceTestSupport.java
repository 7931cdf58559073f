package dev.vaporform.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.TestHome;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of workspace tests: a project, its directory on disk, start and exec. */
abstract class WorkspaceTestSupport extends IntegrationTest {

    protected Session owner;
    protected String projectId;

    protected void createProject(String name) {
        owner = users.register(uniqueEmail("ws-owner"));
        projectId = http.post("/api/projects", Map.of("name", name)).bearer(owner.accessToken()).send().text("id");
    }

    protected Path projectDir() throws Exception {
        Path dir = TestHome.path().resolve("projects").resolve(projectId);
        Files.createDirectories(dir);
        return dir;
    }

    protected Http.Response start() {
        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("running");
        return response;
    }

    protected Http.Response exec(List<String> command) {
        return exec(Map.of("command", command));
    }

    protected Http.Response exec(Map<String, Object> body) {
        return http.post("/api/projects/" + projectId + "/workspace/exec", body).bearer(owner.accessToken()).send();
    }

    protected String status() {
        return http.get("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send().text("status");
    }

    protected void removeWorkspace() {
        http.delete("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send();
    }
}
