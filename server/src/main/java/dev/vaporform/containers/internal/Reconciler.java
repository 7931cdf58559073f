package dev.vaporform.containers.internal;

import java.io.Closeable;
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
 * killed or removed behind our back shows the right status within a second or two. When the
 * engine goes away the stream reconnects with back-off (1 s doubling to 30 s), saying so once.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Set<String> STOPPED = Set.of("die", "stop", "kill", "oom");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final WorkspaceRows rows;
    private final WorkspaceContainers containers;
    private final Workspaces workspaces;
    private final DockerEngine engine;
    private volatile boolean running = true;
    private volatile Closeable stream;

    Reconciler(WorkspaceRows rows, WorkspaceContainers containers, Workspaces workspaces, DockerEngine engine) {
        this.rows = rows;
        this.containers = containers;
        this.workspaces = workspaces;
        this.engine = engine;
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
            workspaces.transitionIfStill(workspace, WorkspaceStatus.none, "the container was removed outside Vaporform");
        } else if (!Boolean.TRUE.equals(container.get().getState().getRunning()) && workspace.status() == WorkspaceStatus.running) {
            workspaces.transitionIfStill(workspace, WorkspaceStatus.stopped,
                    "the container stopped outside Vaporform (exit code " + container.get().getState().getExitCodeLong() + ")");
        }
    }

    private void followEvents() {
        Duration backoff = FIRST_RETRY;
        boolean reachable = true; // until shown otherwise, so that losing the engine is reported once
        while (running) {
            if (engine.available()) {
                if (!reachable) log.info("Docker engine reachable again: reconciling workspaces with it");
                reachable = true;
                backoff = FIRST_RETRY;
                followUntilTheStreamEnds();
            } else if (reachable) {
                log.warn("Docker engine unreachable: workspaces are off until it answers (asked again every {}s at most)",
                        LAST_RETRY.toSeconds());
                reachable = false;
            }
            if (!running) return;
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
        }
    }

    /** Reconciles everything, then each container event, until Docker's event stream ends. */
    private void followUntilTheStreamEnds() {
        try {
            reconcileAll();
            var events = new ContainerEvents();
            engine.streams().eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(Map.of(ContainerSpec.MANAGED_LABEL, "true"))
                    .exec(events);
            stream = events;
            events.awaitCompletion();
            if (events.error != null && running) log.debug("Docker event stream ended: {}", events.error.toString());
        } catch (Exception e) {
            if (running) log.debug("Docker event stream ended: {}", e.toString());
        }
    }

    /** The event stream's callback; an error ends it quietly (docker-java's own would log a stack trace per retry). */
    private final class ContainerEvents extends ResultCallback.Adapter<Event> {
        private volatile Throwable error;

        @Override
        public void onNext(Event event) {
            onEvent(event);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            try {
                close();
            } catch (java.io.IOException ignored) {
                // closing a stream that failed: nothing left to release
            }
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
