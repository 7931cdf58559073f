package dev.vaporform.containers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a Docker engine, workspace routes say so with 503 and everything else keeps working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaporform.containers.docker-host=unix:///tmp/vaporform-no-docker-here.sock")
@ExtendWith(OutputCaptureExtension.class)
class WorkspacesWithoutDockerTests extends IntegrationTest {

    @Test
    void anUnreachableEngineIsReportedOnceNotOnEveryRetryOrProbe(CapturedOutput output) throws InterruptedException {
        // Readiness probes ask for the engine (DEGRADED, not down), as a load balancer would every few seconds.
        for (int probe = 0; probe < 3; probe++) assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        // The reconciler keeps asking for the engine in the background; several retries fall in this window.
        Thread.sleep(4_000);
        assertThat(output.getAll()).doesNotContain("Error during callback", "java.net.ConnectException", "Docker call failed",
                "recoverable I/O exception");
        assertThat(output.getAll().split("Docker engine unreachable", -1).length - 1).isLessThanOrEqualTo(1);
    }

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
