package dev.vaporform.containers.internal;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.vaporform.containers.WorkspaceStatus;

/**
 * Keeps the database's view of workspaces true to Docker's: once at start-up (containers that
 * died or vanished while we were down) and then from Docker's event stream, so a container
 * killed or removed behind our back shows the right status within a second or two. The stream
 * reconnects with back-off when the engine goes away.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Set<String> STOPPED = Set.of("die", "stop", "kill", "oom");

    private final WorkspaceRows rows;
    private final WorkspaceContainers containers;
    private final Workspaces workspaces;
    private final DockerEngine engine;
    private final Clock clock;
    private volatile boolean running = true;
    private volatile Closeable stream;

    Reconciler(WorkspaceRows rows, WorkspaceContainers containers, Workspaces workspaces, DockerEngine engine, Clock clock) {
        this.rows = rows;
        this.containers = containers;
        this.workspaces = workspaces;
        this.engine = engine;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        Thread.ofPlatform().daemon().name("docker-events").start(this::followEvents);
    }

    /** Compares every workspace we think is alive with what Docker says. */
    void reconcileAll() {
        for (Workspace workspace : rows.live()) reconcile(workspace);
    }

    void reconcile(Workspace workspace) {
        if (workspace.containerId() == null) return;
        var container = containers.inspect(workspace.containerId());
        if (container.isEmpty()) {
            rows.clearContainer(workspace.projectId(), WorkspaceStatus.none, clock.instant());
            workspaces.transition(workspace.projectId(), WorkspaceStatus.none, null, "the container was removed outside Vaporform");
        } else if (!Boolean.TRUE.equals(container.get().getState().getRunning()) && workspace.status() == WorkspaceStatus.running) {
            workspaces.transition(workspace.projectId(), WorkspaceStatus.stopped, workspace.containerId(),
                    "the container stopped outside Vaporform (exit code " + container.get().getState().getExitCodeLong() + ")");
        }
    }

    private void followEvents() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                reconcileAll();
                var callback = engine.streams().eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                        .withLabelFilter(Map.of(ContainerSpec.MANAGED_LABEL, "true"))
                        .exec(new ResultCallback.Adapter<Event>() {
                            @Override
                            public void onNext(Event event) {
                                onEvent(event);
                            }
                        });
                stream = callback;
                backoff = Duration.ofSeconds(1);
                callback.awaitCompletion();
            } catch (Exception e) {
                if (!running) return;
                log.debug("Docker event stream ended: {}", e.toString());
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
        }
    }

    private void onEvent(Event event) {
        String action = event.getAction() == null ? "" : event.getAction();
        if (!STOPPED.contains(action) && !action.equals("destroy")) return;
        try {
            rows.findByContainer(event.getId()).ifPresent(this::reconcile);
        } catch (RuntimeException e) {
            log.warn("Could not reconcile after Docker event {}: {}", action, e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void end() throws Exception {
        running = false;
        if (stream != null) stream.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
