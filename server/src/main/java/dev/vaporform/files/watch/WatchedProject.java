package dev.vaporform.files.watch;

import java.nio.file.WatchKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The watcher's state for one active project: who holds it, when the API last touched it, its
 * directories' watch keys, and the paths changed since the last batch was processed.
 */
final class WatchedProject {

    final UUID id;
    final Set<WatchKey> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Completes once the directories are registered and the index is open; started by whoever comes first. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicBoolean starting = new java.util.concurrent.atomic.AtomicBoolean();
    private final Set<String> pending = new HashSet<>();
    private boolean rescan;
    private int holds;
    private long lastTouchedNanos;
    private long firstPendingNanos;
    private ScheduledFuture<?> flush;
    /** The project's batches, processed one after another (in the order they were handed in). */
    private CompletableFuture<Void> processing = CompletableFuture.completedFuture(null);

    WatchedProject(UUID id, long now) {
        this.id = id;
        this.lastTouchedNanos = now;
    }

    synchronized void hold() { holds++; }

    synchronized void release(long now) {
        holds--;
        lastTouchedNanos = now;
    }

    synchronized void touch(long now) { lastTouchedNanos = now; }

    synchronized boolean idle(long now, long timeoutNanos) {
        return holds <= 0 && now - lastTouchedNanos > timeoutNanos;
    }

    /** Notes a changed path; @return whether a flush must be (re)scheduled */
    synchronized boolean changed(String path, long now) {
        if (path == null) rescan = true;
        else pending.add(path);
        if (flush == null) firstPendingNanos = now;
        return true;
    }

    /** @return when the batch started collecting, to bound how long debouncing may defer it */
    synchronized long firstPendingNanos() { return firstPendingNanos; }

    synchronized ScheduledFuture<?> replaceFlush(ScheduledFuture<?> next) {
        ScheduledFuture<?> previous = flush;
        flush = next;
        return previous;
    }

    /**
     * Runs {@code work} on a virtual thread once the project's earlier batches are done, so one
     * project's long batch (a rescan of thousands of files) never holds up another project's.
     */
    synchronized void processInTurn(Runnable work) {
        processing = processing.handle((ignored, failure) -> null)
                .thenRunAsync(work, task -> Thread.ofVirtual().name("files-watch-process").start(task));
    }

    /** Takes the batch: the scopes to sync, or {@code [""]} for the whole project after an overflow. */
    synchronized Batch take() {
        flush = null;
        Batch batch = new Batch(rescan ? List.of("") : minimal(pending), rescan);
        pending.clear();
        rescan = false;
        return batch;
    }

    record Batch(List<String> scopes, boolean rescan) {}

    /** Drops paths that lie inside another pending path: syncing the outer one covers them. */
    private static List<String> minimal(Set<String> paths) {
        return paths.stream().filter(p -> {
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                if (paths.contains(p.substring(0, slash))) return false;
            }
            return true;
        }).sorted().toList();
    }
}
