package dev.vaporform.containers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a Docker engine, workspace routes say so with 503 and everything else keeps working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaporform.containers.docker-host=unix:///tmp/vaporform-no-docker-here.sock")
class WorkspacesWithoutDockerTests extends IntegrationTest {

    @Test
    void workspaceRoutesAnswer503AndTheRestWorks() {
        var owner = users.register(uniqueEmail("no-docker"));
        var project = http.post("/api/projects", Map.of("name", "No engine")).bearer(owner.accessToken()).send();
        assertThat(project.status()).isEqualTo(201);
        var start = http.post("/api/projects/" + project.text("id") + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(start.status()).isEqualTo(503);
        assertThat(start.text("code")).isEqualTo("docker-unavailable");
        assertThat(start.text("detail")).contains("DOCKER_HOST", "/tmp/vaporform-no-docker-here.sock");
        assertThat(http.get("/api/projects/" + project.text("id") + "/workspace").bearer(owner.accessToken()).send().text("status"))
                .isEqualTo("none");
        var readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("docker").path("status").asString()).isEqualTo("DEGRADED");
    }
}
