package dev.vaporform.containers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vaporform.auth.WorkspaceTokens;
import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * A workspace's credential through its life. It exists only while the workspace starts or runs,
 * only for a container that was told where to find it (one on a network that reaches the
 * server), and only while the user who started it may still write the project. It lives in the
 * runtime directory's {@code token} file, never in the environment (which {@code docker inspect},
 * {@code /proc/*}{@code /environ} and lifecycle logs show), for {@code workspace-token-ttl}; it is
 * rotated at half-life, deleted when the workspace stops, and replaced at once when the project's
 * membership changes. "Has a token file" is what marks a workspace as holding one.
 */
@Component
class WorkspaceCredentials {

    static final String TOKEN = "token";
    static final String TOKEN_FILE = WorkspaceRuntimeDirectory.CONTAINER_PATH + "/" + TOKEN;

    private final WorkspaceTokens tokens;
    private final WorkspaceRuntimeDirectory runtime;
    private final WorkspaceContainers containers;
    private final WorkspaceRows rows;
    private final ProjectAccess access;
    private final ContainersProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    WorkspaceCredentials(WorkspaceTokens tokens, WorkspaceRuntimeDirectory runtime, WorkspaceContainers containers,
                         WorkspaceRows rows, ProjectAccess access, ContainersProperties properties, TransactionTemplate tx,
                         Clock clock) {
        this.tokens = tokens;
        this.runtime = runtime;
        this.containers = containers;
        this.rows = rows;
        this.access = access;
        this.properties = properties;
        // REQUIRES_NEW: renewals run after a membership change committed, while its transaction's
        // resources are still bound; joining that transaction would never commit the new credential.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** At start: earlier credentials go; a fresh one goes into the token file when the container expects one. */
    void issue(UUID projectId, UUID startedBy, String containerId) {
        withdraw(projectId);
        if (!expectsToken(containerId) || !mayWrite(startedBy, projectId)) return;
        runtime.write(projectId, TOKEN, tokens.issue(projectId, startedBy, properties.workspaceTokenTtl()));
    }

    /** The workspace stopped, failed or went: its credentials stop working now, and the file goes. */
    void withdraw(UUID projectId) {
        tokens.revoke(projectId);
        runtime.delete(projectId, TOKEN);
    }

    /** Puts a fresh credential in the file once the newest is past half its life; the previous works until its expiry. */
    void rotateIfDue(UUID projectId) {
        if (!runtime.has(projectId, TOKEN) || !rotationDue(projectId)) return; // most checks: no lock taken
        underLock(projectId, workspace -> rotationDue(projectId), workspace -> mayWrite(workspace.startedBy(), projectId));
    }

    private boolean rotationDue(UUID projectId) {
        Instant halfLife = clock.instant().minus(properties.workspaceTokenTtl().dividedBy(2));
        return tokens.newestIssuedAt(projectId).map(issued -> issued.isBefore(halfLife)).orElse(true);
    }

    /**
     * The membership changed, and anyone may have copied the credential before: the old ones die
     * with the change (call from inside its transaction). {@link #renewAfter} then issues a fresh one.
     */
    void revokeWithChange(UUID projectId) {
        tokens.revoke(projectId);
    }

    /** After a membership change committed: a fresh credential, if the starter may still write. */
    void renewAfter(UUID projectId, UUID changedUser, Optional<ProjectRole> newRole) {
        underLock(projectId, workspace -> true, workspace -> changedUser.equals(workspace.startedBy())
                // the changed member's role from the event itself: the role cache may not have heard yet
                ? newRole.filter(role -> role.atLeast(ProjectRole.collaborator)).isPresent()
                : mayWrite(workspace.startedBy(), projectId));
    }

    /**
     * Under the workspace row's lock, so a stop (which must change the status first) waits and then
     * deletes what was issued here: for a running workspace holding a credential, when {@code due},
     * issue one more if {@code allowed}, else withdraw what it has. (A workspace still starting is
     * left to its start; should a change have revoked the start's credential meanwhile, the next
     * rotation check finds the file without a live credential and issues one.)
     */
    private void underLock(UUID projectId, Predicate<Workspace> due, Predicate<Workspace> allowed) {
        tx.executeWithoutResult(s -> rows.lockExisting(projectId)
                .filter(w -> w.status() == WorkspaceStatus.running && runtime.has(projectId, TOKEN))
                .filter(due)
                .ifPresent(w -> {
                    if (allowed.test(w)) runtime.write(projectId, TOKEN, tokens.issue(projectId, w.startedBy(), properties.workspaceTokenTtl()));
                    else withdraw(projectId);
                }));
    }

    private boolean mayWrite(UUID userId, UUID projectId) {
        return userId != null && access.roleOf(userId, projectId).filter(role -> role.atLeast(ProjectRole.collaborator)).isPresent();
    }

    /** Only a container told where its token file is (one that can reach the server) gets a credential at all. */
    private boolean expectsToken(String containerId) {
        return containers.inspect(containerId).map(c -> c.getConfig().getEnv())
                .map(env -> Arrays.asList(env).contains("VAPORFORM_TOKEN_FILE=" + TOKEN_FILE)).orElse(false);
    }
}
