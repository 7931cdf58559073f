package dev.vaporform.containers.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.platform.InvalidParameter;

/** Commands run in a running workspace on a user's behalf, as the workspace's command user. */
@Service
public class WorkspaceCommands {

    private final Workspaces workspaces;
    private final WorkspaceExec exec;
    private final ActivityTracker activity;
    private final ContainersProperties properties;
    private final DevContainerReader devContainers;

    WorkspaceCommands(Workspaces workspaces, WorkspaceExec exec, ActivityTracker activity, ContainersProperties properties,
                      DevContainerReader devContainers) {
        this.devContainers = devContainers;
        this.workspaces = workspaces;
        this.exec = exec;
        this.activity = activity;
        this.properties = properties;
    }

    public ExecResult exec(UUID projectId, List<String> command, String workdir, Map<String, String> env, int timeoutSeconds) {
        Workspace workspace = running(projectId);
        if (timeoutSeconds > properties.execMaxTimeout().toSeconds()) {
            throw new InvalidParameter("timeoutSeconds", "must be at most " + properties.execMaxTimeout().toSeconds());
        }
        env.keySet().forEach(key -> {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new InvalidParameter("env", "has an invalid variable name");
        });
        if (workdir != null && !workdir.startsWith("/")) throw new InvalidParameter("workdir", "must be an absolute path");
        activity.touch(projectId);
        var merged = new java.util.LinkedHashMap<String, String>(devContainers.read(projectId).remoteEnv());
        merged.putAll(env);
        ExecResult result = exec.run(workspace.containerId(), command, workspace.containerUser(),
                workdir == null ? workspace.workspaceFolder() : workdir, merged, timeoutSeconds);
        activity.touch(projectId);
        return result;
    }

    /** @throws WorkspaceProblems.NotRunning unless the workspace runs */
    public Workspace running(UUID projectId) {
        Workspace workspace = workspaces.status(projectId);
        if (workspace.status() != WorkspaceStatus.running || workspace.containerId() == null) {
            throw new WorkspaceProblems.NotRunning(workspace.status().name());
        }
        return workspace;
    }
}
