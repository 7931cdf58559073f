package dev.vaporform.containers;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /workspace is the project directory itself, so a workspace writes past the API's quota
 * checks: the server notices (the test configuration's quota is 1 MB) and stops the workspace.
 */
@RequiresDocker
class WorkspaceQuotaTests extends WorkspaceTestSupport {

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void rejectsAWorkspaceThatWritesPastTheProjectQuotaByStoppingIt() throws Exception {
        createProject("Disk filler");
        start();
        var dd = exec(List.of("sh", "-c", "dd if=/dev/zero of=/workspace/filler.bin bs=64k count=32 2>&1"));
        assertThat(dd.json().path("exitCode").asInt()).as(dd.toString()).isZero();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(status()).as("a workspace 1 MB over the project's quota").isEqualTo("stopped"));
        var workspace = http.get("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send();
        assertThat(workspace.text("detail")).contains("max-project-size");
        assertThat(readLogUntil("max-project-size", Duration.ofSeconds(10))).contains("stopped");

        var write = http.put("/api/projects/" + projectId + "/files/more.txt", "more").contentType("application/octet-stream")
                .bearer(owner.accessToken()).send();
        assertThat(write.status()).as("API writes are refused as before").isEqualTo(413);
        assertThat(write.text("code")).isEqualTo("project-quota-exceeded");
    }
}
