package dev.vaporform.projects;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener (test fixture) that fails the first delivery of the projects a test names, like a
 * listener whose dependency is briefly down, or takes its time over them, like one waiting on a
 * slow dependency; and counts deliveries.
 */
@Component
class FlakyProjectDeletedListener {

    static final Set<UUID> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    static final Set<UUID> SLOW = ConcurrentHashMap.newKeySet();
    static final Duration SLOWNESS = Duration.ofSeconds(5);
    static final Map<UUID, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(ProjectDeleted event) throws InterruptedException {
        DELIVERIES.computeIfAbsent(event.projectId(), id -> new AtomicInteger()).incrementAndGet();
        if (FAIL_ONCE.remove(event.projectId())) throw new IllegalStateException("the listener's dependency is down (test)");
        if (SLOW.contains(event.projectId())) Thread.sleep(SLOWNESS); // the work itself, not a wait for something
    }
}
