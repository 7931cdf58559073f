package dev.vaporform.containers.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.vaporform.containers.internal.DevContainer.LifecycleCommand;

/**
 * Runs devcontainer lifecycle commands as the remote user in the workspace folder, with the
 * command line, its output and its exit code added to the workspace log when it finishes. Named
 * commands of the object form run in parallel; if one fails, later lifecycle commands are not
 * run (as the spec says).
 */
@Component
class LifecycleRunner {

    private final WorkspaceExec exec;
    private final WorkspaceLogBook log;
    private final ContainersProperties properties;

    LifecycleRunner(WorkspaceExec exec, WorkspaceLogBook log, ContainersProperties properties) {
        this.exec = exec;
        this.log = log;
        this.properties = properties;
    }

    /** @return true when every command of every stage succeeded */
    boolean run(UUID projectId, String containerId, DevContainer config, List<String> stageNames, List<LifecycleCommand> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isEmpty()) continue;
            if (!runStage(projectId, containerId, config, stageNames.get(i), stages.get(i))) return false;
        }
        return true;
    }

    private boolean runStage(UUID projectId, String containerId, DevContainer config, String stage, LifecycleCommand command) {
        var runs = command.steps().stream().map(step -> CompletableFuture.supplyAsync(() -> {
            log.append(projectId, "[vaporform] " + stage + (step.name().equals(stage) ? "" : " (" + step.name() + ")")
                    + ": " + String.join(" ", step.argv()));
            ExecResult result = exec.run(containerId, step.argv(), config.commandUser(), config.workspaceFolder(),
                    config.remoteEnv(), (int) properties.lifecycleTimeout().toSeconds());
            result.stdout().lines().forEach(line -> log.append(projectId, line));
            result.stderr().lines().forEach(line -> log.append(projectId, line));
            log.append(projectId, "[vaporform] " + stage + " exited with " + result.exitCode());
            return result.exitCode() == 0;
        }, runnable -> Thread.ofVirtual().start(runnable))).toList();
        return runs.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }
}
