package dev.vaporform.containers.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Docker operations on workspace containers, each a single guarded engine call or a few. */
@Component
class WorkspaceContainers {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceContainers.class);

    private final DockerEngine engine;
    private final ContainersProperties properties;
    private final WorkspaceExec exec;
    private final WorkspaceLogBook logBook;

    WorkspaceContainers(DockerEngine engine, ContainersProperties properties, WorkspaceExec exec, WorkspaceLogBook logBook) {
        this.logBook = logBook;
        this.engine = engine;
        this.properties = properties;
        this.exec = exec;
    }

    Optional<InspectContainerResponse> inspect(String containerIdOrName) {
        try {
            return Optional.of(engine.call(d -> d.inspectContainerCmd(containerIdOrName).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    boolean isRunning(String containerId) {
        return containerId != null && inspect(containerId).map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    /** Creates the container, or adopts the one a concurrent start (or another node) just created. */
    String create(ContainerSpec spec) {
        ensureImage(spec.projectId(), spec.image());
        ensureNetwork();
        try {
            return engine.call(d -> spec.toCreateCommand(d).exec()).getId();
        } catch (ConflictException exists) {
            return inspect(ContainerSpec.containerName(spec.projectId())).orElseThrow(() -> exists).getId();
        }
    }

    void start(String containerId) {
        try {
            engine.run(d -> d.startContainerCmd(containerId).exec());
        } catch (NotModifiedException alreadyRunning) {
            // fine: someone started it first
        }
    }

    void stop(String containerId) {
        try {
            engine.run(d -> d.stopContainerCmd(containerId).withTimeout((int) properties.stopTimeout().toSeconds()).exec());
        } catch (NotModifiedException | NotFoundException alreadyStoppedOrGone) {
            // the goal state is reached either way
        }
    }

    void remove(String containerId) {
        try {
            engine.run(d -> d.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException gone) {
            // already removed, perhaps behind our back
        }
    }

    /** Removes a container that the database does not know, e.g. left by a crash between create and commit. */
    void removeByName(UUID projectId) {
        inspect(ContainerSpec.containerName(projectId)).ifPresent(c -> remove(c.getId()));
    }

    /**
     * The container user must be able to write the project files; when this server runs as root
     * it hands the tree to that user's uid and gid (once: nothing happens when they already match).
     */
    void shareProjectFiles(String containerId, String user, Path projectDirectory) {
        var ids = exec.run(containerId, List.of("/bin/sh", "-c", "id -u; id -g"), user, null, Map.of(), 20);
        String[] lines = ids.stdout().strip().split("\\s+");
        if (ids.exitCode() != 0 || lines.length != 2) return;
        try {
            PosixFileAttributes attributes = Files.readAttributes(projectDirectory, PosixFileAttributes.class);
            int uid = Integer.parseInt(lines[0]);
            int gid = Integer.parseInt(lines[1]);
            int currentUid = (Integer) Files.getAttribute(projectDirectory, "unix:uid");
            if (currentUid == uid || !"root".equals(System.getProperty("user.name"))) return;
            new ProcessBuilder("chown", "-R", "-h", uid + ":" + gid, projectDirectory.toString()).inheritIO().start().waitFor();
            log.debug("Project files handed to uid {} (were {})", uid, attributes.owner());
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not share project files with the workspace user: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A missing image is pulled, its progress written to the workspace log; without a registry that fails fast. */
    private void ensureImage(UUID projectId, String image) {
        try {
            engine.call(d -> d.inspectImageCmd(image).exec());
            return;
        } catch (NotFoundException missing) {
            logBook.append(projectId, "[vaporform] pulling " + image);
        }
        try {
            boolean done = engine.streams().pullImageCmd(image).exec(new PullImageResultCallback() {
                @Override
                public void onNext(PullResponseItem item) {
                    super.onNext(item);
                    if (item.getStatus() != null) {
                        logBook.append(projectId, "[pull] " + (item.getId() == null ? "" : item.getId() + ": ") + item.getStatus()
                                + (item.getProgress() == null ? "" : " " + item.getProgress()));
                    }
                }
            }).awaitCompletion(properties.pullTimeout().toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            if (!done) throw new IllegalStateException("the pull took longer than " + properties.pullTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceProblems.ImageRefused(image, "the pull was interrupted");
        } catch (RuntimeException e) {
            throw new WorkspaceProblems.ImageRefused(image, "it is not on the Docker host and pulling it failed ("
                    + DockerEngine.rootMessage(e) + "). Build it with scripts/build-workspace-image.sh or set "
                    + "VAPORFORM_CONTAINERS_DEFAULT_IMAGE to an image the host has.");
        }
    }

    private void ensureNetwork() {
        String name = properties.network();
        if (name.equals("none")) return;
        boolean exists = engine.call(d -> d.listNetworksCmd().withNameFilter(name).exec()).stream()
                .anyMatch(n -> n.getName().equals(name));
        if (exists) return;
        try {
            engine.run(d -> d.createNetworkCmd().withName(name).withDriver("bridge")
                    .withInternal(!properties.networkEgress())
                    .withOptions(Map.of("com.docker.network.bridge.enable_icc", "false"))
                    .withLabels(Map.of(ContainerSpec.MANAGED_LABEL, "true")).exec());
        } catch (ConflictException raced) {
            // created concurrently
        }
    }
}
