package dev.vaporform.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;

/** devcontainer.json: what is honoured, what is refused and named, lifecycle output in the log. */
@RequiresDocker
@ExtendWith(OutputCaptureExtension.class)
class DevContainerTests extends WorkspaceTestSupport {

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void honoursEnvironmentFolderPortsAndLifecycleCommandsAndNamesRefusedKeys() throws Exception {
        createProject("Devcontainer");
        Files.createDirectories(projectDir().resolve("app"));
        writeDevContainer("""
                {
                  // comments and trailing commas are allowed, as in VS Code
                  "image": "vaporform/workspace-test:latest",
                  "containerEnv": {"STAGE": "dev"},
                  "remoteEnv": {"GREETING": "hello"},
                  "workspaceFolder": "/workspace/app",
                  "forwardPorts": [3000, "db:5432"],
                  "onCreateCommand": "echo created > /workspace/app/created.txt",
                  "postCreateCommand": ["sh", "-c", "echo post-create-ran"],
                  "postStartCommand": {"one": "echo started-one", "two": ["echo", "started-two"]},
                  "privileged": true,
                  "runArgs": ["--network=host"],
                  "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"],
                  "capAdd": ["SYS_ADMIN"],
                  "initializeCommand": "touch /tmp/pwned-host",
                }
                """);
        var started = start();
        assertThat(started.json().path("refusedKeys").toString()).contains("privileged", "runArgs", "mounts", "capAdd", "initializeCommand");
        assertThat(started.json().path("forwardPorts").toString()).contains("3000", "db:5432");
        assertThat(Files.exists(Path.of("/tmp/pwned-host"))).isFalse();

        var env = exec(List.of("sh", "-c", "echo $STAGE $GREETING; pwd"));
        assertThat(env.text("stdout")).isEqualTo("dev hello\n/workspace/app\n");
        assertThat(Files.readString(projectDir().resolve("app/created.txt"))).isEqualTo("created\n");

        String log = readLogUntil("workspace running", Duration.ofSeconds(20));
        assertThat(log).contains("post-create-ran", "started-one", "started-two", "workspace running");
    }

    @Test
    void rejectsMalformedDevContainerWithAProblemNamingTheFile() throws Exception {
        createProject("Broken devcontainer");
        writeDevContainer("{ \"image\": 42 }");
        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("invalid-devcontainer");
        assertThat(response.text("detail")).contains(".devcontainer/devcontainer.json", "image");
        assertThat(status()).isEqualTo("failed");
    }

    @Test
    void rejectsADevContainerThatIsALinkWithoutReadingWhereItLeads() throws Exception {
        createProject("Linked devcontainer");
        Path host = Files.createTempFile(TestHome.path(), "host-", ".json");
        Files.writeString(host, "{ \"image\": \"HOST-SECRET-IMAGE\" }");
        Files.createDirectories(projectDir().resolve(".devcontainer"));
        Files.createSymbolicLink(projectDir().resolve(".devcontainer/devcontainer.json"), host);
        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("invalid-devcontainer");
        assertThat(response.text("detail")).contains("symbolic link").doesNotContain("HOST-SECRET-IMAGE");
    }

    @Test
    void rejectsAnImageThatIsNotOnTheHost(CapturedOutput output) throws Exception {
        createProject("Missing image");
        writeDevContainer("{ \"image\": \"vaporform/does-not-exist:1\" }");
        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("image-not-allowed");
        assertThat(response.text("detail")).contains("vaporform/does-not-exist:1", "not on this installation's Docker host");
        // The user is told; the server's log gets no stack trace for an expected refusal.
        assertThat(output.getOut() + output.getErr()).doesNotContain("Error during callback");
    }
}
