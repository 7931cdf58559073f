package dev.vaporform.containers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/** VAPORFORM_TOKEN inside a workspace: its own project only, and only while the workspace runs. */
@RequiresDocker
class WorkspaceTokenTests extends WorkspaceTestSupport {

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void workspaceTokenWorksForItsProjectOnlyAndOnlyWhileRunning() {
        createProject("Scoped");
        String other = http.post("/api/projects", Map.of("name", "Other")).bearer(owner.accessToken()).send().text("id");
        start();
        var env = exec(List.of("sh", "-c", "echo $VAPORFORM_TOKEN; echo $VAPORFORM_URL"));
        String[] lines = env.text("stdout").split("\n");
        String token = lines[0];
        assertThat(token).startsWith("vfp_");
        assertThat(lines[1]).startsWith("http");

        assertThat(http.get("/api/projects/" + projectId).bearer(token).send().status()).isEqualTo(200);
        assertThat(http.get("/api/projects/" + projectId + "/workspace").bearer(token).send().status()).isEqualTo(200);
        var outside = http.get("/api/projects/" + other).bearer(token).send();
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("code")).isEqualTo("token-out-of-scope");
        assertThat(http.get("/api/auth/me").bearer(token).send().status()).isEqualTo(403);
        assertThat(http.post("/api/auth/tokens", Map.of("name", "escalate")).bearer(token).send().status()).isEqualTo(403);
        assertThat(http.get("/api/auth/tokens").bearer(owner.accessToken()).send().json().path("total").asInt())
                .as("workspace tokens are not personal tokens").isZero();

        http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(owner.accessToken()).send();
        assertThat(http.get("/api/projects/" + projectId).bearer(token).send().status()).isEqualTo(401);
        start();
        assertThat(http.get("/api/projects/" + projectId).bearer(token).send().status()).isEqualTo(200);
        removeWorkspace();
        assertThat(http.get("/api/projects/" + projectId).bearer(token).send().status()).isEqualTo(401);
    }
}
