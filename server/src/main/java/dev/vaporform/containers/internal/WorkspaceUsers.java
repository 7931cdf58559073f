package dev.vaporform.containers.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Who a workspace runs as. The project directory is a bind mount of the host's, and the kept
 * capabilities (CHOWN, DAC_OVERRIDE, FOWNER…) are effective only for uid 0; so, unless an
 * administrator allows root, a workspace never runs as uid 0: devcontainer.json naming root is
 * refused, an image whose own user is root runs as the project's non-root remoteUser or else
 * the installation's unprivileged uid:gid, and once the container is up the uids it really
 * runs with are checked (a name such as "toor" may be uid 0 in the image's passwd).
 */
@Component
class WorkspaceUsers {

    private final ContainersProperties properties;
    private final WorkspaceExec exec;

    WorkspaceUsers(ContainersProperties properties, WorkspaceExec exec) {
        this.properties = properties;
        this.exec = exec;
    }

    /** @throws WorkspaceProblems.RootRefused when devcontainer.json names root as containerUser or remoteUser */
    void refuseNamedRoot(DevContainer config) {
        if (properties.allowRoot()) return;
        if (namesRoot(config.containerUser())) throw new WorkspaceProblems.RootRefused("devcontainer.json names root as containerUser.");
        if (namesRoot(config.remoteUser())) throw new WorkspaceProblems.RootRefused("devcontainer.json names root as remoteUser.");
    }

    /**
     * @param imageUser the image's configured user (empty or null means root)
     * @return the user to create the container with, or null for the image's own
     */
    String containerUser(DevContainer config, String imageUser) {
        if (config.containerUser() != null || properties.allowRoot()) return config.containerUser();
        if (!namesRoot(imageUser == null || imageUser.isBlank() ? "root" : imageUser)) return null;
        // The project's own non-root user, when it names one, so the files it works on are its own.
        return config.remoteUser() != null ? config.remoteUser() : properties.unprivilegedUser();
    }

    /** @throws WorkspaceProblems.RootRefused when the running container's user or the command user is uid 0 (or unknown) */
    void verify(String containerId, DevContainer config) {
        if (properties.allowRoot()) return;
        Set<String> users = new LinkedHashSet<>();
        users.add("");
        if (config.commandUser() != null) users.add(config.commandUser());
        for (String user : users) {
            String shown = user.isEmpty() ? "The workspace's user" : "The user '" + user + "'";
            var id = exec.run(containerId, List.of("id", "-u"), user.isEmpty() ? null : user, null, Map.of(), 20);
            String uid = id.stdout().strip();
            if (id.exitCode() != 0 || !uid.matches("[0-9]+")) {
                throw new WorkspaceProblems.RootRefused(shown + " could not be checked in the image (is it there?).");
            }
            if (Long.parseLong(uid) == 0) throw new WorkspaceProblems.RootRefused(shown + " is root (uid 0) in this image.");
        }
    }

    /** @return whether a Docker user spec ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) names root */
    static boolean namesRoot(String user) {
        if (user == null) return false;
        String name = user.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) name = name.substring(0, colon);
        return name.equals("root") || name.matches("0+");
    }
}
