package dev.vaporform.containers;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.containers.internal.DockerClients;
import dev.vaporform.support.Http;
import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Workspaces on a real Docker engine: lifecycle, hardening, reconciliation (cases 47–51). */
@RequiresDocker
class WorkspaceLifecycleTests extends WorkspaceTestSupport {

    @Autowired DockerClients docker;

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void startsAHardenedWorkspaceWithTheProjectFilesAtWorkspace() throws Exception {
        createProject("Hardened");
        Files.writeString(projectDir().resolve("hello.txt"), "hello from the host\n");
        String containerId = start().text("containerId");

        var inspect = docker.control().inspectContainerCmd(containerId).exec();
        var host = inspect.getHostConfig();
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).doesNotContain(Capability.SYS_ADMIN, Capability.NET_ADMIN, Capability.SYS_PTRACE);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
        assertThat(host.getPidsLimit()).isEqualTo(64L);
        assertThat(host.getMemory()).isEqualTo(128L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(host.getNetworkMode()).isNotIn("host", "bridge", "default");
        assertThat(host.getBinds()).hasSize(2);
        assertThat(host.getBinds()[0].getVolume().getPath()).isEqualTo("/workspace");
        assertThat(host.getBinds()[0].getPath()).endsWith("/projects/" + projectId).doesNotContain("docker.sock");
        assertThat(host.getBinds()[1].getVolume().getPath()).isEqualTo("/run/vaporform");
        assertThat(host.getBinds()[1].getPath()).endsWith("/runtime/" + projectId);
        assertThat(host.getBinds()[1].getAccessMode()).isEqualTo(AccessMode.ro);
        assertThat(inspect.getConfig().getEnv()).noneMatch(variable -> variable.startsWith("VAPORFORM_TOKEN"));
        assertThat(inspect.getConfig().getLabels()).containsEntry("dev.vaporform.project", projectId);
        assertThat(inspect.getConfig().getUser()).isNotIn("root", "0");

        var cat = exec(List.of("cat", "/workspace/hello.txt"));
        assertThat(cat.json().path("exitCode").asInt()).isZero();
        assertThat(cat.text("stdout")).isEqualTo("hello from the host\n");
        assertThat(exec(List.of("id", "-u")).text("stdout").strip()).isEqualTo("1000");
        // The workspace user can write the project files, and the server sees what it wrote.
        assertThat(exec(List.of("sh", "-c", "echo built > /workspace/out.txt")).json().path("exitCode").asInt()).isZero();
        assertThat(Files.readString(projectDir().resolve("out.txt"))).isEqualTo("built\n");
    }

    @Test
    void filesWrittenThroughTheApiStayWritableInsideTheWorkspace() {
        createProject("Shared files");
        start();
        assertThat(http.put("/api/projects/" + projectId + "/files/api.txt", "from the api\n")
                .contentType("application/octet-stream").bearer(owner.accessToken()).send().status()).isEqualTo(201);
        assertThat(http.post("/api/projects/" + projectId + "/directories", Map.of("path", "made/by/api"))
                .bearer(owner.accessToken()).send().status()).isEqualTo(201);
        var append = exec(List.of("sh", "-c", "echo and the shell >> /workspace/api.txt && touch /workspace/made/by/api/x"));
        assertThat(append.json().path("exitCode").asInt()).as(append.toString()).isZero();
        var read = http.get("/api/projects/" + projectId + "/files/api.txt").bearer(owner.accessToken()).send();
        assertThat(read.body()).isEqualTo("from the api\nand the shell\n");
    }

    @Test
    void concurrentStartsCreateOneContainer() {
        createProject("Race");
        List<CompletableFuture<Http.Response>> starts = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send()))
                .toList();
        var answers = starts.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(answers.stream().map(a -> a.text("containerId")).distinct()).hasSize(1);
        var containers = docker.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.vaporform.project", projectId)).exec();
        assertThat(containers).hasSize(1);
    }

    @Test
    void stopRestartAndRemoveKeepTheProjectFiles() throws Exception {
        createProject("Cycle");
        Files.writeString(projectDir().resolve("keep.txt"), "kept");
        String first = start().text("containerId");
        var stopped = http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(owner.accessToken()).send();
        assertThat(stopped.text("status")).isEqualTo("stopped");
        assertThat(docker.control().inspectContainerCmd(first).exec().getState().getRunning()).isFalse();
        var restarted = http.post("/api/projects/" + projectId + "/workspace/restart", null).bearer(owner.accessToken()).send();
        assertThat(restarted.text("status")).isEqualTo("running");
        assertThat(restarted.text("containerId")).as("a stopped workspace keeps its container").isEqualTo(first);

        assertThat(http.delete("/api/projects/" + projectId + "/workspace").bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(status()).isEqualTo("none");
        assertThat(docker.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.vaporform.project", projectId)).exec()).isEmpty();
        assertThat(Files.readString(projectDir().resolve("keep.txt"))).isEqualTo("kept");
    }

    @Test
    void rejectsViewersAndCollaboratorsWhereTheyLackTheRole() {
        createProject("Roles");
        var viewer = users.register(uniqueEmail("ws-viewer"));
        var collaborator = users.register(uniqueEmail("ws-collab"));
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", viewer.email(), "role", "viewer")).bearer(owner.accessToken()).send();
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", collaborator.email(), "role", "collaborator")).bearer(owner.accessToken()).send();
        assertThat(http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(viewer.accessToken()).send().status()).isEqualTo(403);
        assertThat(http.get("/api/projects/" + projectId + "/workspace").bearer(viewer.accessToken()).send().text("status")).isEqualTo("none");
        start();
        assertThat(http.post("/api/projects/" + projectId + "/workspace/exec", Map.of("command", List.of("id"))).bearer(viewer.accessToken())
                .send().status()).isEqualTo(403);
        assertThat(http.delete("/api/projects/" + projectId + "/workspace").bearer(collaborator.accessToken()).send().status()).isEqualTo(403);
        var stranger = users.register(uniqueEmail("ws-stranger"));
        assertThat(http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(stranger.accessToken()).send().status()).isEqualTo(404);
        assertThat(status()).isEqualTo("running");
    }

    @Test
    void rejectsContainerSettingsInRequestBodies() {
        createProject("Injection");
        start();
        var response = exec(Map.of("command", List.of("id", "-u"), "privileged", true, "binds", List.of("/var/run/docker.sock:/d"),
                "capAdd", List.of("SYS_ADMIN"), "networkMode", "host", "user", "root"));
        // Unknown fields never reach a container spec: the command runs as the workspace user.
        assertThat(response.text("stdout").strip()).isEqualTo("1000");
    }

    @Test
    void execReportsExitCodeOutputTruncationAndTimeout() {
        createProject("Exec");
        start();
        var failing = exec(List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
        assertThat(failing.json().path("exitCode").asInt()).isEqualTo(3);
        assertThat(failing.text("stdout")).isEqualTo("out\n");
        assertThat(failing.text("stderr")).isEqualTo("err\n");
        assertThat(failing.json().path("truncated").asBoolean()).isFalse();

        var big = exec(List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\\\0' x"));
        assertThat(big.json().path("truncated").asBoolean()).isTrue();
        assertThat(big.text("stdout")).hasSize(64 * 1024);

        var slow = exec(Map.of("command", List.of("sleep", "30"), "timeoutSeconds", 1));
        assertThat(slow.json().path("exitCode").asInt()).isEqualTo(124);
        assertThat(slow.json().path("durationMs").asLong()).isLessThan(10_000);

        var env = exec(Map.of("command", List.of("sh", "-c", "echo $GREETING; pwd"), "env", Map.of("GREETING", "hi"), "workdir", "/tmp"));
        assertThat(env.text("stdout")).isEqualTo("hi\n/tmp\n");
        assertThat(exec(Map.of("command", List.of("id"), "timeoutSeconds", 100_000)).status()).isEqualTo(400);
        assertThat(exec(Map.of("command", List.of())).status()).isEqualTo(400);
    }

    @Test
    void rejectsExecWhenTheWorkspaceIsNotRunning() {
        createProject("Idle exec");
        var response = exec(List.of("id"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("workspace-not-running");
    }

    @Test
    void forkBombsAndMemoryHogsAreContained() {
        createProject("Bombs");
        start();
        var bomb = exec(Map.of("command", List.of("sh", "-c", "for i in $(seq 1 200); do sleep 5 & done; wait"), "timeoutSeconds", 8));
        assertThat(bomb.text("stderr")).contains("fork");
        var hog = exec(Map.of("command", List.of("sh", "-c", "head -c 400000000 /dev/zero | tail > /dev/null"), "timeoutSeconds", 30));
        assertThat(hog.json().path("exitCode").asInt()).as(hog.toString()).isNotZero();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(exec(List.of("echo", "still alive")).text("stdout")).isEqualTo("still alive\n"));
        assertThat(http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }

    @Test
    void workspaceHasNoRouteToTheHostTheApiOrTheMetadataAddress() {
        createProject("Network");
        start();
        // Loopback only: no interface and no route by which a packet could leave the container.
        assertThat(exec(List.of("ip", "route")).text("stdout")).isBlank();
        assertThat(exec(List.of("ip", "-o", "addr")).text("stdout").lines()).allSatisfy(line -> assertThat(line).contains(" lo "));
        var metadata = exec(Map.of("command", List.of("nc", "-w", "2", "169.254.169.254", "80"), "timeoutSeconds", 10));
        assertThat(metadata.json().path("exitCode").asInt()).isNotZero();
        assertThat(metadata.text("stderr")).containsIgnoringCase("unreachable");
        var api = exec(Map.of("command", List.of("nc", "-w", "2", "172.17.0.1", Integer.toString(port)), "timeoutSeconds", 10));
        assertThat(api.json().path("exitCode").asInt()).isNotZero();
    }

    @Test
    void containerKilledOrRemovedBehindOurBackShowsTheRightStatus() {
        createProject("Reconcile");
        String containerId = start().text("containerId");
        docker.control().killContainerCmd(containerId).exec();
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("stopped"));
        docker.control().removeContainerCmd(containerId).withForce(true).exec();
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("none"));
        assertThat(start().text("containerId")).isNotEqualTo(containerId);
    }

    @Test
    void rejectsStartingMoreWorkspacesThanAUserMayRun() {
        createProject("Quota 1");
        var first = projectId;
        start();
        String[] others = new String[2];
        for (int i = 0; i < 2; i++) {
            others[i] = http.post("/api/projects", Map.of("name", "Quota " + (i + 2))).bearer(owner.accessToken()).send().text("id");
            assertThat(http.post("/api/projects/" + others[i] + "/workspace/start", null).bearer(owner.accessToken()).send().status()).isEqualTo(200);
        }
        String fourth = http.post("/api/projects", Map.of("name", "Quota 4")).bearer(owner.accessToken()).send().text("id");
        var refused = http.post("/api/projects/" + fourth + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("workspace-limit");
        for (String other : others) http.delete("/api/projects/" + other + "/workspace").bearer(owner.accessToken()).send();
        projectId = first;
    }

    @Test
    void deletingTheProjectRemovesItsContainer() {
        createProject("Doomed");
        String containerId = start().text("containerId");
        assertThat(http.delete("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                docker.control().listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().isEmpty());
        projectId = null;
    }
}
