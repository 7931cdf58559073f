package dev.vaporform.containers.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
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
    private final ImagePolicy images;
    private final WorkspaceUsers users;
    private final Map<String, int[]> userIds = new java.util.concurrent.ConcurrentHashMap<>();

    WorkspaceContainers(DockerEngine engine, ContainersProperties properties, WorkspaceExec exec, WorkspaceLogBook logBook,
                        ImagePolicy images, WorkspaceUsers users) {
        this.logBook = logBook;
        this.images = images;
        this.users = users;
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

    /**
     * Creates the container, or adopts the one a concurrent start (or another node) just created.
     * It runs as the user {@link WorkspaceUsers} chooses from devcontainer.json and the image's own.
     */
    String create(ContainerSpec requested) {
        String imageUser = ensureImage(requested.projectId(), requested.image());
        ContainerSpec spec = requested.runningAs(users.containerUser(requested.config(), imageUser));
        ensureNetwork();
        try {
            return engine.call(d -> spec.toCreateCommand(d).exec()).getId();
        } catch (ConflictException exists) {
            return inspect(ContainerSpec.containerName(spec.projectId())).orElseThrow(() -> exists).getId();
        } catch (DockerException refused) {
            if (properties.writableLayerSize() == null || !String.valueOf(refused.getMessage()).contains("storage-opt")) throw refused;
            throw new WorkspaceProblems.StartFailed("vaporform.containers.writable-layer-size is set, but this Docker engine cannot "
                    + "limit a container's writable layer (that needs the overlay2 driver on xfs mounted with pquota): "
                    + refused.getMessage());
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
     * it hands the tree to that user's uid and gid. The ids are asked of the container once per
     * image and user (an exec costs a few hundred ms), and nothing is changed when they match.
     * Without a user named, the key is the user the container was created as: that depends on
     * more than the image (see {@link WorkspaceUsers#containerUser}).
     */
    void shareProjectFiles(String containerId, String image, String user, Path projectDirectory) {
        if (!"root".equals(System.getProperty("user.name"))) return;
        String runsAs = user != null ? user : inspect(containerId).map(c -> c.getConfig().getUser()).orElse("");
        int[] ids = userIds.computeIfAbsent(image + "|" + runsAs, k -> askIds(containerId, user));
        if (ids.length != 2) return;
        try {
            int currentUid = (Integer) Files.getAttribute(projectDirectory, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (currentUid == ids[0]) return;
            Process chown = new ProcessBuilder("chown", "-R", "-h", ids[0] + ":" + ids[1], projectDirectory.toString())
                    .redirectErrorStream(true).start();
            chown.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (chown.waitFor() != 0) log.warn("chown of {} failed", projectDirectory);
        } catch (IOException e) {
            log.warn("Could not share project files with the workspace user: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int[] askIds(String containerId, String user) {
        var ids = exec.run(containerId, List.of("/bin/sh", "-c", "id -u; id -g"), user, null, Map.of(), 20);
        String[] lines = ids.stdout().strip().split("\\s+");
        try {
            return ids.exitCode() == 0 && lines.length == 2 ? new int[]{Integer.parseInt(lines[0]), Integer.parseInt(lines[1])} : new int[0];
        } catch (NumberFormatException e) {
            return new int[0];
        }
    }

    /**
     * A missing image is pulled, its progress written to the workspace log, but only from a
     * configured registry: otherwise it is refused before Docker is asked to pull anything.
     *
     * @return the image's configured user (empty when it has none, which means root)
     */
    private String ensureImage(UUID projectId, String image) {
        try {
            return imageUser(image);
        } catch (NotFoundException missing) {
            images.requirePullable(image);
            logBook.append(projectId, "[vaporform] pulling " + image);
        }
        pull(projectId, image);
        return imageUser(image);
    }

    private String imageUser(String image) {
        var config = engine.call(d -> d.inspectImageCmd(image).exec()).getConfig();
        return config == null || config.getUser() == null ? "" : config.getUser();
    }

    private void pull(UUID projectId, String image) {
        var pull = new PullImageResultCallback() {
            volatile Throwable failure;

            @Override
            public void onNext(PullResponseItem item) {
                super.onNext(item);
                if (item.getStatus() != null) {
                    logBook.append(projectId, "[pull] " + (item.getId() == null ? "" : item.getId() + ": ") + item.getStatus()
                            + (item.getProgress() == null ? "" : " " + item.getProgress()));
                }
            }

            @Override
            public void onError(Throwable throwable) { // reported to the user below, not as docker-java's stack trace
                failure = throwable;
                try {
                    close();
                } catch (java.io.IOException ignored) {
                    // the stream failed already: nothing left to release
                }
            }
        };
        boolean done;
        try {
            done = engine.streams().pullImageCmd(image).exec(pull)
                    .awaitCompletion(properties.pullTimeout().toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceProblems.ImageRefused(image, "the pull was interrupted.");
        } catch (RuntimeException e) {
            throw pullFailed(image, e);
        }
        if (pull.failure != null) throw pullFailed(image, pull.failure);
        if (!done) throw pullFailed(image, new IllegalStateException("the pull took longer than " + properties.pullTimeout()));
    }

    /** The daemon's words name hosts and addresses: they go to the server log, the user gets a plain refusal. */
    private static WorkspaceProblems.ImageRefused pullFailed(String image, Throwable cause) {
        log.warn("Pulling image {} failed: {}", image, DockerEngine.rootMessage(cause));
        return new WorkspaceProblems.ImageRefused(image, "it is not on the Docker host and pulling it from "
                + ImagePolicy.registryOf(image) + " failed; the server log has the reason. An administrator can build "
                + "it on the host (scripts/build-workspace-image.sh for the default image).");
    }

    /** Creates the configured bridge network when it does not exist yet (nothing for {@code none}). */
    void ensureNetwork() {
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
