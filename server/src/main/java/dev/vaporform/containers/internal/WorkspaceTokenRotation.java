package dev.vaporform.containers.internal;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.vaporform.auth.WorkspaceTokens;
import dev.vaporform.projects.CollaboratorRemoved;
import dev.vaporform.projects.CollaboratorRoleChanged;

/**
 * Keeps workspace credentials short-lived: every node checks the running workspaces every tenth
 * of {@code workspace-token-ttl} (between 1 s and 1 min) and rotates those past half-life, so a
 * credential is replaced long before it expires. A member removed or given another role revokes
 * the project's credentials inside the change's own transaction — a copy taken before the change
 * stops working the moment it commits — and a fresh one is put in the file once it has.
 */
@Component
class WorkspaceTokenRotation implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceTokenRotation.class);
    private static final Duration FASTEST = Duration.ofSeconds(1);
    private static final Duration SLOWEST = Duration.ofMinutes(1);

    private final WorkspaceRows rows;
    private final WorkspaceCredentials credentials;
    private final WorkspaceTokens tokens;
    private final ContainersProperties properties;

    WorkspaceTokenRotation(WorkspaceRows rows, WorkspaceCredentials credentials, WorkspaceTokens tokens,
                           ContainersProperties properties) {
        this.rows = rows;
        this.credentials = credentials;
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::rotateDue, checkInterval());
    }

    Duration checkInterval() {
        Duration tenth = properties.workspaceTokenTtl().dividedBy(10);
        return tenth.compareTo(FASTEST) < 0 ? FASTEST : tenth.compareTo(SLOWEST) > 0 ? SLOWEST : tenth;
    }

    void rotateDue() {
        try {
            tokens.deleteExpired();
            for (Workspace workspace : rows.running()) rotate(workspace);
        } catch (RuntimeException e) {
            log.warn("Could not check workspace credentials for rotation: {}", e.toString());
        }
    }

    private void rotate(Workspace workspace) {
        try {
            credentials.rotateIfDue(workspace.projectId());
        } catch (RuntimeException e) {
            log.warn("Could not rotate the credential of project {}'s workspace: {}", workspace.projectId(), e.toString());
        }
    }

    @EventListener
    void on(CollaboratorRemoved event) {
        credentials.revokeWithChange(event.projectId());
    }

    @EventListener
    void on(CollaboratorRoleChanged event) {
        credentials.revokeWithChange(event.projectId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void renewAfter(CollaboratorRemoved event) {
        credentials.renewAfter(event.projectId(), event.userId(), Optional.empty());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void renewAfter(CollaboratorRoleChanged event) {
        credentials.renewAfter(event.projectId(), event.userId(), Optional.of(event.role()));
    }
}
