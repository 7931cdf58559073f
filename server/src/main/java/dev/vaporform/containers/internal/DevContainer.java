package dev.vaporform.containers.internal;

import java.util.List;
import java.util.Map;

/**
 * The parts of a project's devcontainer.json that Vaporform honours. Keys that would weaken
 * isolation are never applied; they are listed in {@link #refusedKeys()} so the user sees why.
 *
 * @param file            where it was read from, relative to the project, or null for defaults
 * @param image           the image, or null for the installation's default
 * @param containerEnv    environment of the container
 * @param remoteEnv       environment of terminals, exec and lifecycle commands
 * @param containerUser   the user the container runs as, or null for the image's
 * @param remoteUser      the user terminals and lifecycle commands run as, or null
 * @param workspaceFolder where terminals and commands start; {@code /workspace} by default
 * @param forwardPorts    ports the project wants previewed (recorded for later)
 * @param onCreate        run once, after the container is created
 * @param postCreate      run once, after onCreate
 * @param postStart       run on every start
 * @param refusedKeys     keys present but refused
 */
public record DevContainer(String file, String image, Map<String, String> containerEnv, Map<String, String> remoteEnv,
                           String containerUser, String remoteUser, String workspaceFolder, List<String> forwardPorts,
                           LifecycleCommand onCreate, LifecycleCommand postCreate, LifecycleCommand postStart,
                           List<String> refusedKeys) {

    /** The workspace folder inside every container. */
    public static final String WORKSPACE = "/workspace";

    /** A project without devcontainer.json. */
    public static DevContainer defaults() {
        return new DevContainer(null, null, Map.of(), Map.of(), null, null, WORKSPACE, List.of(),
                LifecycleCommand.NONE, LifecycleCommand.NONE, LifecycleCommand.NONE, List.of());
    }

    /** @return the same settings with the container created as {@code user} (null: the image's user) */
    public DevContainer withContainerUser(String user) {
        return new DevContainer(file, image, containerEnv, remoteEnv, user, remoteUser, workspaceFolder, forwardPorts,
                onCreate, postCreate, postStart, refusedKeys);
    }

    /** The user commands run as: remoteUser, else containerUser, else the image's. */
    public String commandUser() {
        return remoteUser != null ? remoteUser : containerUser;
    }

    /**
     * A lifecycle command in one of devcontainer.json's three forms: a string (run by
     * {@code /bin/sh -c}), an array (run as is), or an object of named commands run in parallel.
     */
    public record LifecycleCommand(List<Step> steps) {
        public static final LifecycleCommand NONE = new LifecycleCommand(List.of());

        /** One command line, with the name it had in the object form (or the key for the others). */
        public record Step(String name, List<String> argv) {}

        public boolean isEmpty() {
            return steps.isEmpty();
        }
    }
}
