package dev.vaporform.containers.terminal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.vaporform.containers.WorkspaceActivity;
import dev.vaporform.containers.WorkspaceStatus;
import dev.vaporform.containers.WorkspaceStatusChanged;
import dev.vaporform.containers.internal.DockerEngine;
import dev.vaporform.containers.internal.Workspace;
import dev.vaporform.containers.internal.WorkspaceCommands;
import dev.vaporform.containers.internal.ContainersProperties;

/**
 * The live shells of all workspaces on this node, by (project, session id). A session is
 * created by the first connection that names it and lives until its shell exits or the
 * workspace stops; closing the last viewer leaves it running (until the idle stop).
 */
@Component
class TerminalSessions {

    private static final Logger log = LoggerFactory.getLogger(TerminalSessions.class);

    private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();
    private final DockerEngine engine;
    private final WorkspaceCommands workspaces;
    private final WorkspaceActivity activity;
    private final ContainersProperties properties;

    TerminalSessions(DockerEngine engine, WorkspaceCommands workspaces, WorkspaceActivity activity, ContainersProperties properties) {
        this.engine = engine;
        this.workspaces = workspaces;
        this.activity = activity;
        this.properties = properties;
    }

    Optional<TerminalSession> find(UUID projectId, UUID sessionId) {
        return Optional.ofNullable(sessions.get(key(projectId, sessionId))).filter(s -> !s.ended());
    }

    /** @return the live session with this id, or a new shell in the running workspace */
    synchronized TerminalSession open(UUID projectId, UUID sessionId, int cols, int rows) throws IOException {
        var existing = find(projectId, sessionId);
        if (existing.isPresent()) return existing.get();
        Workspace workspace = workspaces.running(projectId);
        var exec = engine.call(d -> {
            var cmd = d.execCreateCmd(workspace.containerId()).withTty(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true).withWorkingDir(workspace.workspaceFolder())
                    .withEnv(java.util.List.of("TERM=xterm-256color")) // no COLUMNS/LINES: they would override resizes
                    .withCmd("/bin/sh", "-c", "if command -v bash >/dev/null; then exec bash -l; else exec sh -l; fi");
            if (workspace.containerUser() != null) cmd.withUser(workspace.containerUser());
            return cmd.exec();
        });
        ShellInput shellInput = new ShellInput();
        var session = new TerminalSession(projectId, sessionId, exec.getId(), shellInput.writer(),
                (int) properties.terminalReplay().toBytes());
        sessions.put(key(projectId, sessionId), session);
        engine.streams().execStartCmd(exec.getId()).withTty(true).withStdIn(shellInput).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                session.output(frame.getPayload());
                activity.touch(projectId);
            }

            @Override
            public void onComplete() {
                closed(session, "shell exited");
            }

            @Override
            public void onError(Throwable error) {
                closed(session, "terminal lost");
            }
        });
        resize(session, cols, rows);
        return session;
    }

    void resize(TerminalSession session, int cols, int rows) {
        try {
            engine.run(d -> d.resizeExecCmd(session.execId()).withSize(rows, cols).exec());
        } catch (RuntimeException e) {
            log.info("Resize of terminal {} failed: {}", session.id(), e.toString());
        }
    }

    @EventListener
    void on(WorkspaceStatusChanged event) {
        if (event.status() == WorkspaceStatus.running || event.status() == WorkspaceStatus.starting
                || event.status() == WorkspaceStatus.creating) return;
        sessions.values().stream().filter(s -> s.projectId().equals(event.projectId()))
                .forEach(s -> closed(s, "workspace " + event.status()));
    }

    private void closed(TerminalSession session, String reason) {
        sessions.remove(key(session.projectId(), session.id()), session);
        session.end(reason);
    }

    private static String key(UUID projectId, UUID sessionId) {
        return projectId + "/" + sessionId;
    }
}
