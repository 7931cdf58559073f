package dev.vaporform.containers;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default network {@code none} nothing inside a workspace can reach the server, so it
 * gets no credential at all; its runtime directory is still there, read-only, for the sockets
 * the server puts in it, and goes when the workspace is removed.
 */
@RequiresDocker
class WorkspaceRuntimeDirectoryTests extends WorkspaceTestSupport {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void aWorkspaceWithoutANetworkGetsItsRuntimeDirectoryButNoCredential() {
        createProject("Offline");
        start();
        var inside = exec(List.of("sh", "-c", "ls -A /run/vaporform && echo \"[$VAPORFORM_TOKEN][$VAPORFORM_TOKEN_FILE]\"; "
                + "touch /run/vaporform/planted 2>/dev/null || echo read-only"));
        assertThat(inside.text("stdout")).as(inside.toString()).isEqualTo("[][]\nread-only\n");
        long tokens = jdbc.sql("select count(*) from api_tokens where kind = 'workspace' and project_id = ?")
                .param(UUID.fromString(projectId)).query(Long.class).single();
        assertThat(tokens).isZero();

        Path runtime = TestHome.path().resolve("runtime").resolve(projectId);
        assertThat(runtime).isDirectory().isEmptyDirectory();
        removeWorkspace();
        assertThat(runtime).doesNotExist();
    }
}
