package dev.vaporform.containers;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workspace's credential lives for the configured lifetime only (here 10 s); the server puts a
 * fresh one in the token file at half-life, and the previous one keeps working until its own
 * expiry so a tool in the middle of a request is not cut off.
 */
@TestPropertySource(properties = "vaporform.containers.workspace-token-ttl=10s")
class WorkspaceTokenRotationTests extends WorkspaceTokenTestSupport {

    @Test
    void rejectsACredentialPastItsLifetimeWhileTheRotatedOneInTheFileWorks() {
        createProject("Rotation");
        start();
        String first = tokenFile();
        assertThat(treeStatus(first)).isEqualTo(200);

        String second = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(this::tokenFile, token -> token.startsWith("vfp_") && !token.equals(first));
        assertThat(treeStatus(first)).as("the previous credential, before its own expiry").isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> treeStatus(first) == 401);
        assertThat(treeStatus(second)).isEqualTo(200);
        assertThat(treeStatus(tokenFile())).isEqualTo(200);
    }
}
