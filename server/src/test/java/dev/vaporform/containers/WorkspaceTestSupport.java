package dev.vaporform.containers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    protected void writeDevContainer(String json) throws Exception {
        Path dir = projectDir().resolve(".devcontainer");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("devcontainer.json"), json);
    }

    /** @return the workspace log (its event stream) up to the first line containing {@code marker} */
    protected String readLogUntil(String marker, Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/" + projectId + "/workspace/logs"))
                .header("Authorization", "Bearer " + owner.accessToken()).GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        StringBuilder seen = new StringBuilder();
        var reading = CompletableFuture.runAsync(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(response.body()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.contains(marker)) return;
                }
            } catch (Exception ignored) {
                // closed
            }
        });
        reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        response.body().close();
        return seen.toString();
    }
}
