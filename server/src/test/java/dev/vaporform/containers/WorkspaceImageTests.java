package dev.vaporform.containers;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vaporform.support.Http;
import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image a devcontainer.json names decides which host the Docker engine connects to when it
 * pulls: only the registries the installation configures (the tests configure one that never
 * resolves), and the daemon's words, which name hosts and addresses, never reach the user.
 */
@RequiresDocker
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceImageTests extends WorkspaceTestSupport {

    /** What the Docker daemon says about a failed pull: registry URLs, resolvers, TLS and socket errors. */
    private static final String[] DAEMON_WORDS = {"https://", "/v2/", "dial tcp", "lookup", "no such host", "x509",
            "certificate", "Error response from daemon", "connection refused", "manifest", ":53"};

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:5000/x:1", "10.0.0.1/img", "localhost:5000/team/tool", "ghcr.io/someone/tool:2"})
    void rejectsAnImageFromAnUnconfiguredRegistryBeforeAnyPull(String image) throws Exception {
        createProject("Foreign registry");
        writeDevContainer("{ \"image\": \"" + image + "\" }");

        long started = System.nanoTime();
        var response = startRefused();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("image-not-allowed");
        assertThat(response.text("detail")).isEqualTo("The image '" + image + "' may not be used: it is not on this "
                + "installation's Docker host, and this installation pulls images only from registry.vaporform.test.");
        var workspace = http.get("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send();
        assertThat(workspace.text("status")).isEqualTo("failed");
        assertThat(workspace.text("detail")).isEqualTo(response.text("detail"));
        // The pull line is written just before Docker is asked to pull: it never was.
        String log = readLogUntil("start failed", Duration.ofSeconds(10));
        assertThat(log).doesNotContain("pulling", "[pull]").doesNotContain(DAEMON_WORDS);
    }

    @Test
    void rejectsAnImageReferenceDockerWouldNotParse() throws Exception {
        createProject("Odd reference");
        writeDevContainer("{ \"image\": \"vaporform/../../containers/json\" }");
        var response = startRefused();
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("image-not-allowed");
        assertThat(response.text("detail")).endsWith("it is not a valid image reference.");
    }

    @Test
    void rejectsAFailedPullFromAConfiguredRegistryWithoutTheDaemonsWords(CapturedOutput output) throws Exception {
        createProject("Configured registry");
        writeDevContainer("{ \"image\": \"registry.vaporform.test/team/tool:1\" }");

        var response = startRefused();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("workspace-image-refused");
        assertThat(response.text("detail")).contains("registry.vaporform.test/team/tool:1", "the server log has the reason")
                .doesNotContain(DAEMON_WORDS);
        String log = readLogUntil("start failed", Duration.ofSeconds(10));
        assertThat(log).contains("[vaporform] pulling registry.vaporform.test/team/tool:1").doesNotContain(DAEMON_WORDS);
        // The operator still learns why: the daemon's answer is in the server log.
        assertThat(output.getOut() + output.getErr()).contains("Pulling image registry.vaporform.test/team/tool:1 failed: ")
                .contains("registry.vaporform.test/v2/");
    }

    private Http.Response startRefused() {
        return http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
    }
}
