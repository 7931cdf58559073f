package dev.vaporform.containers;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.containers.internal.DockerClients;
import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace never runs as root (the installation does not allow it in tests): the project
 * directory is the host's, and root's kept capabilities (DAC_OVERRIDE, CHOWN, FOWNER) would
 * reach every file on it whatever its owner. Two images are made from the test image for this:
 * one whose user is root, one whose user "toor" is uid 0 under another name.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceUserTests extends WorkspaceTestSupport {

    private static final String REPOSITORY = "vaporform/workspace-test-users";
    private static final String BASE = "vaporform/workspace-test:latest";

    @Autowired DockerClients docker;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private String rootImage;
    private String toorImage;

    @BeforeAll
    void makeImages() {
        var helper = docker.control().createContainerCmd(BASE).withUser("root").withNetworkDisabled(true)
                .withEntrypoint(List.of()).withCmd("/bin/sh", "-c", "echo toor:x:0:0:toor:/:/bin/sh >> /etc/passwd").exec().getId();
        try {
            docker.control().startContainerCmd(helper).exec();
            assertThat(docker.control().waitContainerCmd(helper).exec(new WaitContainerResultCallback()).awaitStatusCode()).isZero();
            rootImage = REPOSITORY + ":root-" + tag;
            toorImage = REPOSITORY + ":toor-" + tag;
            docker.control().commitCmd(helper).withRepository(REPOSITORY).withTag("root-" + tag).withUser("root").exec();
            docker.control().commitCmd(helper).withRepository(REPOSITORY).withTag("toor-" + tag).withUser("toor").exec();
        } finally {
            docker.control().removeContainerCmd(helper).withForce(true).exec();
        }
    }

    @AfterAll
    void removeImages() {
        for (String image : new String[]{rootImage, toorImage}) {
            if (image != null) docker.control().removeImageCmd(image).withForce(true).exec();
        }
    }

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"containerUser\": \"root\"", "\"containerUser\": \"0:0\"", "\"remoteUser\": \"root\"",
            "\"containerUser\": \"dev\", \"remoteUser\": \"0\""})
    void rejectsADevContainerThatNamesRoot(String users) throws Exception {
        createProject("Root by name");
        writeDevContainer("{ \"image\": \"" + BASE + "\", " + users + " }");

        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("workspace-root-refused");
        assertThat(response.text("detail")).contains("names root as").contains("does not run workspaces as root");
        assertThat(status()).isEqualTo("failed");
        assertThat(exec(List.of("id", "-u")).status()).isEqualTo(409);
    }

    @Test
    void rejectsAnImageWhoseUserIsUidZeroUnderAnotherName() throws Exception {
        createProject("Root in disguise");
        writeDevContainer("{ \"image\": \"" + toorImage + "\" }");

        var response = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("workspace-root-refused");
        assertThat(response.text("detail")).contains("is root (uid 0) in this image");
        // Removed, not kept for the next start to reuse.
        assertThat(docker.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.vaporform.project", projectId)).exec()).isEmpty();
    }

    @Test
    void anImageWhoseUserIsRootRunsUnprivilegedAndCannotOverrideOtherOwnersFiles() throws Exception {
        createProject("Root image");
        writeDevContainer("{ \"image\": \"" + rootImage + "\" }");
        String containerId = start().text("containerId");

        Path other = ownedByAnotherUser(projectDir().resolve("other"));
        // What root's DAC_OVERRIDE, CHOWN and FOWNER would allow, each on its own.
        for (String attack : List.of("echo pwned > /workspace/other/victim.txt", "rm -f /workspace/other/victim.txt",
                "chmod 666 /workspace/other/victim.txt", "chown 1000 /workspace/other/victim.txt",
                "echo pwned > /workspace/other/new.txt")) {
            var result = exec(List.of("sh", "-c", attack));
            assertThat(result.json().path("exitCode").asInt()).as(attack + " -> " + result).isNotZero();
        }
        assertThat(Files.readString(other.resolve("victim.txt"))).isEqualTo("not yours\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve("victim.txt")))).isEqualTo("rw-r--r--");
        assertThat(Files.exists(other.resolve("new.txt"))).isFalse();

        assertThat(exec(List.of("id", "-u")).text("stdout").strip()).isEqualTo("1000");
        assertThat(docker.control().inspectContainerCmd(containerId).exec().getConfig().getUser()).isEqualTo("1000:1000");
        // Its own project files stay writable: the tree is handed to the unprivileged user.
        assertThat(exec(List.of("touch", "/workspace/mine.txt")).json().path("exitCode").asInt()).isZero();
    }

    @Test
    void anImageWhoseUserIsRootRunsAsTheProjectsNonRootRemoteUser() throws Exception {
        createProject("Root image, dev user");
        writeDevContainer("{ \"image\": \"" + rootImage + "\", \"remoteUser\": \"dev\" }");
        String containerId = start().text("containerId");

        assertThat(docker.control().inspectContainerCmd(containerId).exec().getConfig().getUser()).isEqualTo("dev");
        assertThat(exec(List.of("id", "-u")).text("stdout").strip()).isEqualTo("1000");
        assertThat(exec(List.of("touch", "/workspace/mine.txt")).json().path("exitCode").asInt()).isZero();
    }

    /** A directory and a file in it, of uid 4242 when this test runs as root (else of this test's user: another uid too). */
    private static Path ownedByAnotherUser(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "not yours\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        if ("root".equals(System.getProperty("user.name"))) {
            for (Path p : List.of(victim, dir)) {
                Files.setAttribute(p, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", 4242, LinkOption.NOFOLLOW_LINKS);
            }
        }
        return dir;
    }
}
