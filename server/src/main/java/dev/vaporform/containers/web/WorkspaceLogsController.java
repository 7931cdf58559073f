package dev.vaporform.containers.web;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vaporform.containers.internal.WorkspaceLogs;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/** {@code GET …/workspace/logs}: the workspace log as server-sent events, one {@code log} event per line. */
@RestController
class WorkspaceLogsController {

    private static final Duration MAX_STREAM = Duration.ofMinutes(30);
    /**
     * A quiet log stream gets a comment this often: a write is the only way to notice a browser
     * that went away, and until then its request would hold the follower (and a graceful shutdown).
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final java.util.concurrent.ScheduledExecutorService HEARTBEATS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("log-heartbeats").daemon().factory());

    private final WorkspaceLogs logs;
    private final ProjectAccess access;

    WorkspaceLogsController(WorkspaceLogs logs, ProjectAccess access) {
        this.logs = logs;
        this.access = access;
    }

    @GetMapping(path = "/api/projects/{id}/workspace/logs", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter logs(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.viewer);
        SseEmitter emitter = new SseEmitter(MAX_STREAM.toMillis());
        Closeable following = logs.follow(id, line -> send(emitter, SseEmitter.event().name("log").data(line)));
        var heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> send(emitter, SseEmitter.event().comment("keep-alive")),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Runnable stop = () -> {
            heartbeat.cancel(false);
            closeQuietly(following);
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the stream is over
        }
    }
}
