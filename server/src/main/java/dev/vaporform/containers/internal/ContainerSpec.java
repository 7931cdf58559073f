package dev.vaporform.containers.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

/**
 * The only way a workspace container is described: built here from the installation's limits
 * and the parts of devcontainer.json that are safe, never from anything a client sends. The
 * project directory and, read-only, the workspace's runtime directory are the only bind mounts;
 * no credential is ever in the environment (only where its file is); all capabilities but a
 * documented few are dropped;
 * no new privileges; pids, memory and CPU limits; tini as PID 1; an isolated network; labels
 * that tie the container to its project.
 */
record ContainerSpec(UUID projectId, String image, Path projectDirectory, Path runtimeDirectory, DevContainer config,
                     ContainersProperties limits, Map<String, String> serverEnv) {

    static final String MANAGED_LABEL = "dev.vaporform.managed";
    static final String PROJECT_LABEL = "dev.vaporform.project";
    // devcontainer.json's overrideCommand default: keep the container alive whatever the image's CMD.
    static final List<String> KEEP_ALIVE = List.of("/bin/sh", "-c", "trap 'exit 0' TERM; while sleep 1000; do :; done");

    static String containerName(UUID projectId) {
        return "vaporform-" + projectId;
    }

    /** @return this spec with the container created as {@code user} (null: the image's user) */
    ContainerSpec runningAs(String user) {
        return new ContainerSpec(projectId, image, projectDirectory, runtimeDirectory, config.withContainerUser(user), limits, serverEnv);
    }

    CreateContainerCmd toCreateCommand(DockerClient docker) {
        CreateContainerCmd create = docker.createContainerCmd(image)
                .withName(containerName(projectId))
                .withLabels(labels())
                .withEnv(environment())
                .withWorkingDir(config.workspaceFolder())
                .withCmd(KEEP_ALIVE)
                .withEntrypoint(List.of())
                .withHostConfig(hostConfig());
        if (config.containerUser() != null) create.withUser(config.containerUser());
        return create;
    }

    HostConfig hostConfig() {
        long memory = limits.memory().toBytes();
        return HostConfig.newHostConfig()
                .withBinds(new Bind(projectDirectory.toString(), new Volume(DevContainer.WORKSPACE)),
                        // read-only: nothing inside may replace what the server puts there
                        new Bind(runtimeDirectory.toString(), new Volume(WorkspaceRuntimeDirectory.CONTAINER_PATH), AccessMode.ro))
                .withCapDrop(Capability.ALL)
                .withCapAdd(limits.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withPrivileged(false)
                .withPidsLimit(limits.pidsLimit())
                .withMemory(memory)
                .withMemorySwap(memory) // no swap on top of the limit
                .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
                .withInit(true)
                .withNetworkMode(limits.network())
                .withIpcMode("private")
                .withAutoRemove(false)
                .withStorageOpt(storageOptions());
    }

    /** The writable layer's size limit, when one is set (null leaves Docker's default: none). */
    private Map<String, String> storageOptions() {
        return limits.writableLayerSize() == null ? null : Map.of("size", limits.writableLayerSize().toBytes() + "");
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_LABEL, "true");
        labels.put(PROJECT_LABEL, projectId.toString());
        return labels;
    }

    private List<String> environment() {
        List<String> env = new ArrayList<>();
        config.containerEnv().forEach((k, v) -> env.add(k + "=" + v));
        serverEnv.forEach((k, v) -> env.add(k + "=" + v)); // last, so a project cannot override them
        env.add("VAPORFORM_PROJECT_ID=" + projectId);
        return env;
    }
}
