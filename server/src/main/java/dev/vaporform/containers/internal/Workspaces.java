package dev.vaporform.containers.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.containers.WorkspaceStatusChanged;
import dev.vaporform.files.ProjectFiles;

/**
 * A project's workspace through its life: start (creating the container when needed), stop,
 * restart, remove. A start first claims the workspace in the database (status {@code creating},
 * under a row lock), so concurrent starts — from two tabs or two nodes — never create two
 * containers; the loser waits for the winner's result. No lock is held while Docker works.
 */
@Service
public class Workspaces {

    private final io.micrometer.core.instrument.MeterRegistry meters;

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);
    private static final Set<WorkspaceStatus> IN_PROGRESS = Set.of(WorkspaceStatus.creating, WorkspaceStatus.starting);

    private final WorkspaceRows rows;
    private final WorkspaceContainers containers;
    private final DevContainerReader devContainers;
    private final LifecycleRunner lifecycle;
    private final WorkspaceLogBook logBook;
    private final ContainersProperties properties;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkspaceCredentials credentials;
    private final WorkspaceRuntimeDirectory runtimeDirectory;
    private final WorkspaceServerAddress serverAddress;
    private final ProjectFiles projectFiles;
    private final ImagePolicy images;
    private final WorkspaceUsers users;

    Workspaces(WorkspaceCredentials credentials, WorkspaceRuntimeDirectory runtimeDirectory, WorkspaceServerAddress serverAddress,
               ProjectFiles projectFiles, WorkspaceRows rows, WorkspaceContainers containers, DevContainerReader devContainers, LifecycleRunner lifecycle,
               WorkspaceLogBook logBook, ContainersProperties properties,
               TransactionTemplate tx, ApplicationEventPublisher events, Clock clock, io.micrometer.core.instrument.MeterRegistry meters,
               ImagePolicy images, WorkspaceUsers users) {
        this.meters = meters;
        this.images = images;
        this.users = users;
        this.credentials = credentials;
        this.runtimeDirectory = runtimeDirectory;
        this.serverAddress = serverAddress;
        this.projectFiles = projectFiles;
        this.rows = rows;
        this.containers = containers;
        this.devContainers = devContainers;
        this.lifecycle = lifecycle;
        this.logBook = logBook;
        this.properties = properties;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    public Workspace status(UUID projectId) {
        return rows.find(projectId).orElse(Workspace.none(projectId));
    }

    /** Starts the workspace, creating its container first when there is none; returns it running. */
    public Workspace start(UUID projectId, UUID userId) {
        Workspace claimed = tx.execute(s -> claimForStart(projectId, userId));
        if (claimed == null) return awaitOtherStart(projectId);
        if (claimed.status() == WorkspaceStatus.running) return claimed;
        try {
            Workspace running = bringUp(projectId, userId, claimed);
            countStart("started");
            return running;
        } catch (EngineUnavailable e) {
            // Not the workspace's fault: leave it as it was, so it is not shown as failed.
            transition(projectId, claimed.status(), claimed.containerId(), null);
            countStart("engine-unavailable");
            throw e;
        } catch (RuntimeException e) {
            countStart("failed");
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transition(projectId, WorkspaceStatus.failed, claimed.containerId(), why);
            logBook.append(projectId, "[vaporform] start failed: " + why);
            throw e;
        }
    }

    /** {@code vaporform_workspace_starts_total{outcome}}: starts that created or started a container. */
    private void countStart(String outcome) {
        meters.counter("vaporform.workspace.starts", "outcome", outcome).increment();
    }

    public Workspace stop(UUID projectId) {
        return stop(projectId, null);
    }

    /** Stops the workspace, leaving {@code why} as the stopped workspace's detail (null: a plain stop). */
    public Workspace stop(UUID projectId, String why) {
        Workspace current = status(projectId);
        if (current.containerId() == null || current.status() == WorkspaceStatus.stopped) return current;
        transition(projectId, WorkspaceStatus.stopping, current.containerId(), null);
        containers.stop(current.containerId());
        transition(projectId, WorkspaceStatus.stopped, current.containerId(), why);
        return status(projectId);
    }

    public Workspace restart(UUID projectId, UUID userId) {
        stop(projectId);
        return start(projectId, userId);
    }

    /** Removes the container; the project's files stay. */
    public void remove(UUID projectId) {
        Workspace current = status(projectId);
        if (current.containerId() != null) containers.remove(current.containerId());
        containers.removeByName(projectId);
        rows.clearContainer(projectId, WorkspaceStatus.none, clock.instant());
        publish(projectId, WorkspaceStatus.none, null, null);
        runtimeDirectory.remove(projectId);
    }

    /** Forgets a deleted project's workspace entirely. */
    public void forget(UUID projectId) {
        remove(projectId);
        rows.delete(projectId);
        logBook.forget(projectId);
    }

    /** @return the project's directory, the one the container mounts at /workspace (owned by the files module) */
    public Path projectDirectory(UUID projectId) {
        return projectFiles.root(projectId);
    }

    /** @return the claimed row, or null when another start is already in progress */
    private Workspace claimForStart(UUID projectId, UUID userId) {
        Workspace row = rows.lock(projectId, clock.instant());
        if (IN_PROGRESS.contains(row.status())) return null;
        if (row.status() == WorkspaceStatus.running && containers.isRunning(row.containerId())) return row;
        if (rows.countRunningStartedBy(userId) - (userId.equals(row.startedBy()) && row.status() == WorkspaceStatus.running ? 1 : 0)
                >= properties.maxRunningPerUser()) {
            throw new WorkspaceProblems.LimitReached(properties.maxRunningPerUser());
        }
        rows.setStatus(projectId, WorkspaceStatus.creating, null, clock.instant());
        publish(projectId, WorkspaceStatus.creating, row.containerId(), null);
        return row;
    }

    private Workspace bringUp(UUID projectId, UUID userId, Workspace previous) {
        Path directory = projectDirectory(projectId);
        DevContainer config = devContainers.read(projectId);
        users.refuseNamedRoot(config);
        String image = imageFor(config);
        Path runtime = runtimeDirectory.create(projectId);
        String containerId = reusableContainer(previous, image);
        boolean fresh = containerId == null;
        if (fresh) {
            containers.removeByName(projectId); // an orphan from a crash between create and commit
            containerId = containers.create(new ContainerSpec(projectId, image, directory, runtime, config, properties, serverEnv()));
        }
        rows.setContainer(projectId, containerId, image, config, !fresh && previous.createdOnce(), clock.instant());
        transition(projectId, WorkspaceStatus.starting, containerId, config.refusedKeys().isEmpty() ? null
                : "refused devcontainer.json keys: " + String.join(", ", config.refusedKeys()));
        credentials.issue(projectId, userId, containerId); // before the start, so whatever runs at boot can read it
        containers.start(containerId);
        verifyUsers(containerId, config);
        containers.shareProjectFiles(containerId, image, config.containerUser(), directory);
        runLifecycle(projectId, containerId, config, fresh || !previous.createdOnce());
        rows.markStarted(projectId, userId, clock.instant());
        publish(projectId, WorkspaceStatus.running, containerId, null);
        log.info("Workspace of project {} running in {}", projectId, containerId.substring(0, 12));
        return status(projectId);
    }

    /** Where the API is and where the credential will be — only for a workspace that can reach the server. */
    private Map<String, String> serverEnv() {
        return serverAddress.url()
                .map(url -> Map.of("VAPORFORM_URL", url, "VAPORFORM_TOKEN_FILE", WorkspaceCredentials.TOKEN_FILE))
                .orElse(Map.of());
    }

    private void runLifecycle(UUID projectId, String containerId, DevContainer config, boolean firstStart) {
        List<String> names = firstStart ? List.of("onCreateCommand", "postCreateCommand", "postStartCommand") : List.of("postStartCommand");
        var stages = firstStart ? List.of(config.onCreate(), config.postCreate(), config.postStart()) : List.of(config.postStart());
        if (!lifecycle.run(projectId, containerId, config, names, stages)) {
            throw new WorkspaceProblems.StartFailed("a devcontainer lifecycle command failed; see the workspace log");
        }
        if (firstStart) rows.markCreatedOnce(projectId);
    }

    /** The existing container is kept across stop/start unless the image changed (or it predates the runtime directory). */
    private String reusableContainer(Workspace previous, String image) {
        if (previous.containerId() == null || !image.equals(previous.image())) {
            if (previous.containerId() != null) containers.remove(previous.containerId());
            return null;
        }
        return containers.inspect(previous.containerId()).filter(WorkspaceRuntimeDirectory::mountedIn).map(c -> c.getId()).orElse(null);
    }

    /** Refused before Docker is asked anything; a missing image is checked against the pull registries on create. */
    private String imageFor(DevContainer config) {
        return images.choose(config);
    }

    /**
     * Nothing of the project has run in the container yet (its command is Vaporform's keep-alive
     * loop). A container that would run as root is removed, so the next start creates it afresh
     * under the current rules instead of reusing it.
     */
    private void verifyUsers(String containerId, DevContainer config) {
        try {
            users.verify(containerId, config);
        } catch (WorkspaceProblems.RootRefused refused) {
            containers.remove(containerId);
            throw refused;
        }
    }

    private Workspace awaitOtherStart(UUID projectId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Workspace current = status(projectId);
            if (!IN_PROGRESS.contains(current.status())) {
                if (current.status() == WorkspaceStatus.failed) throw new WorkspaceProblems.StartFailed(current.detail());
                return current;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return status(projectId);
    }

    void transition(UUID projectId, WorkspaceStatus status, String containerId, String detail) {
        rows.setStatus(projectId, status, detail, clock.instant());
        publish(projectId, status, containerId, detail);
    }

    /**
     * A transition seen from outside (Docker said the container died or went): applied and told
     * only if the row still shows what {@code seen} shows, so a stop or removal in flight wins.
     */
    void transitionIfStill(Workspace seen, WorkspaceStatus status, String detail) {
        boolean changed = status == WorkspaceStatus.none
                ? rows.clearContainerIfStill(seen, detail, clock.instant())
                : rows.setStatusIfStill(seen, status, detail, clock.instant());
        if (changed) publish(seen.projectId(), status, status == WorkspaceStatus.none ? null : seen.containerId(), detail);
    }

    private void publish(UUID projectId, WorkspaceStatus status, String containerId, String detail) {
        // The credential is deleted, not suspended: the next start issues a new one.
        switch (status) {
            case stopping, stopped, failed, none -> credentials.withdraw(projectId);
            default -> { }
        }
        logBook.append(projectId, "[vaporform] workspace " + status);
        events.publishEvent(new WorkspaceStatusChanged(projectId, status, containerId, detail, clock.instant()));
    }
}
