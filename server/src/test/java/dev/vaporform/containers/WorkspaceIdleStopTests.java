package dev.vaporform.containers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.containers.internal.WorkspaceIdleStop;
import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/** A workspace nobody used for the idle timeout is stopped; a used one is not. */
@RequiresDocker
class WorkspaceIdleStopTests extends WorkspaceTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired WorkspaceIdleStop idleStop;

    @AfterEach
    void cleanUp() {
        if (projectId != null) removeWorkspace();
    }

    @Test
    void stopsWorkspacesIdleLongerThanTheTimeoutAndKeepsActiveOnes() {
        createProject("Idle");
        start();
        String idle = projectId;
        var idleOwner = owner;
        createProject("Busy");
        start();
        jdbc.sql("update workspaces set last_activity_at = ? where project_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(3600)), UUID.fromString(idle)).update();
        idleStop.run();
        assertThat(status()).isEqualTo("running");
        removeWorkspace();
        projectId = idle;
        owner = idleOwner;
        assertThat(status()).isEqualTo("stopped");
    }
}
