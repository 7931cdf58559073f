package dev.vaporform.files.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;
import dev.vaporform.files.Watch;
import dev.vaporform.files.storage.OpenDirectory;
import dev.vaporform.files.storage.DiskWrites;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.TreeWalk;

/**
 * Watches the trees of active projects (held through {@link #hold}, or touched through the API
 * within the idle timeout) with one inotify-backed {@link WatchService}: every directory is
 * registered, new ones as they appear; links are never entered. Changes are collected per
 * project and processed by {@link DiskChangeProcessor} once the tree has been quiet for the
 * debounce time; an overflow (the kernel dropped events) turns into a rescan of the project.
 */
@Component
public class ProjectWatchers {

    private static final Logger log = LoggerFactory.getLogger(ProjectWatchers.class);

    private final ProjectRoots roots;
    private final FilesProperties properties;
    private final DiskChangeProcessor processor;
    private final Map<UUID, WatchedProject> projects = new ConcurrentHashMap<>();
    private final Map<WatchKey, Registration> registrations = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("files-watch-batches").daemon().factory());
    private final WatchService service;
    /** Held by the poll thread while it handles a key's events; {@link #pause()} holds it to stop it. */
    private final ReentrantLock handling = new ReentrantLock();

    /** @param directory the watched directory's project-relative path ({@code ""} for the root) */
    private record Registration(WatchedProject project, String directory) {}

    public ProjectWatchers(ProjectRoots roots, FilesProperties properties, DiskChangeProcessor processor) throws IOException {
        this.roots = roots;
        this.properties = properties;
        this.processor = processor;
        this.service = FileSystems.getDefault().newWatchService();
        Thread.ofPlatform().name("files-watch").daemon().start(this::poll);
        long sweep = Math.max(1000, Math.min(60_000, properties.watchIdleTimeout().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::stopIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps the project watched until the returned hold is closed. Returns once watching has
     * begun, so every change made on disk after this call is announced.
     */
    public Watch hold(UUID projectId) {
        WatchedProject project = activate(projectId);
        project.hold();
        start(project);
        project.ready.join();
        var closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) project.release(System.nanoTime());
        };
    }

    /** Notes API use: the project stays watched for the idle timeout from now. */
    public void touch(UUID projectId) {
        activate(projectId).touch(System.nanoTime());
    }

    /** @return whether the project is being watched */
    public boolean isWatching(UUID projectId) {
        return projects.containsKey(projectId);
    }

    /** Stops watching the project and drops its pending changes (it is being deleted, or idle). */
    public void stop(UUID projectId) {
        WatchedProject project = projects.remove(projectId);
        if (project == null) return;
        var flush = project.replaceFlush(null);
        if (flush != null) flush.cancel(false);
        project.keys.forEach(key -> {
            key.cancel();
            registrations.remove(key);
        });
    }

    /**
     * Holds the watcher back from handling events until the returned pause is closed (by the same
     * thread). Events meanwhile queue up as they do when the watcher falls behind a burst on a busy
     * machine, and past 512 in one directory the JDK drops them and signals an overflow: this lets
     * tests take the overflow path every time instead of racing the kernel.
     */
    public AutoCloseable pause() {
        handling.lock();
        return handling::unlock;
    }

    private WatchedProject activate(UUID projectId) {
        WatchedProject existing = projects.get(projectId);
        if (existing != null) return existing;
        WatchedProject created = new WatchedProject(projectId, System.nanoTime());
        existing = projects.putIfAbsent(projectId, created);
        if (existing != null) return existing;
        scheduler.execute(() -> start(created)); // only once it is in the map, which start() checks
        return created;
    }

    private void start(WatchedProject project) {
        if (!project.starting.compareAndSet(false, true)) return;
        try {
            if (projects.get(project.id) == project) {
                registerTree(project, "");
                processor.open(project.id); // syncs the index quietly: what changed while nobody watched is no event
            }
        } catch (RuntimeException e) {
            log.warn("Could not start watching project {}", project.id, e);
        } finally {
            project.ready.complete(null);
        }
    }

    /** Registers the directory at {@code relative} and every directory below it, found through handles. */
    private void registerTree(WatchedProject project, String relative) {
        // Watching begins on a root that may not exist yet (a new project); later calls never recreate a deleted one.
        var root = relative.isEmpty() ? java.util.Optional.of(roots.open(project.id)) : roots.openIfExists(project.id);
        if (root.isEmpty()) return;
        try (OpenDirectory open = root.get();
             OpenDirectory start = relative.isEmpty() ? open.reopen() : open.descend(List.of(relative.split("/")), false)) {
            register(project, relative, ownKey(start));
            TreeWalk.walk(start, (path, attrs, parent, name) -> {
                if (attrs.isDirectory()) register(project, path, attrs.fileKey());
            });
        } catch (FileNotFound | UnsafeLink | PathConflict goneOrSwapped) {
            // not a directory of the tree any more: its parent's events cover it
        }
    }

    /**
     * inotify takes a path, and resolves it through any link: so after registering, the directory
     * the path names now must be the one the handles found, or the watch is dropped. A watch that
     * still lands elsewhere only produces paths that are then read through handles, never through it.
     */
    private void register(WatchedProject project, String relative, Object expectedKey) {
        Path directory = relative.isEmpty() ? roots.rootIfExists(project.id) : roots.rootIfExists(project.id).resolve(relative);
        try {
            WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            Object watched = Files.readAttributes(directory, BasicFileAttributes.class).fileKey();
            if (expectedKey != null && !expectedKey.equals(watched)) {
                key.cancel();
                return;
            }
            registrations.put(key, new Registration(project, relative));
            project.keys.add(key);
        } catch (IOException | ClosedWatchServiceException e) {
            // the directory went away meanwhile: its parent's event covers it
        }
    }

    private static Object ownKey(OpenDirectory directory) {
        try {
            return directory.attributes().fileKey();
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    private void poll() {
        try {
            while (true) {
                WatchKey key = service.take();
                Registration registration = registrations.get(key);
                if (registration == null) {
                    key.cancel();
                    continue;
                }
                handling.lock();
                try {
                    key.pollEvents().forEach(event -> handle(registration, event));
                    if (!key.reset()) {
                        registrations.remove(key);
                        registration.project().keys.remove(key);
                    }
                } finally {
                    handling.unlock();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // shutting down
        }
    }

    private void handle(Registration registration, WatchEvent<?> event) {
        WatchedProject project = registration.project();
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            log.info("Watch events of project {} overflowed; rescanning it", project.id);
            changed(project, null);
            return;
        }
        String name = ((Path) event.context()).toString();
        if (name.startsWith(DiskWrites.TEMP_PREFIX)) return;
        String child = registration.directory().isEmpty() ? name : registration.directory() + "/" + name;
        // The path check is only a cheap filter; registerTree opens the directory through handles.
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                && Files.isDirectory(roots.rootIfExists(project.id).resolve(child), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            registerTree(project, child);
        }
        changed(project, child);
    }

    private void changed(WatchedProject project, String path) {
        long now = System.nanoTime();
        project.changed(path, now);
        long debounce = properties.watchDebounce().toNanos();
        // Debounce, but never defer a batch by more than ten quiet periods while changes keep coming.
        long delay = now - project.firstPendingNanos() > 10 * debounce ? 0 : debounce;
        var previous = project.replaceFlush(scheduler.schedule(() -> flush(project), delay, TimeUnit.NANOSECONDS));
        if (previous != null) previous.cancel(false);
    }

    private void flush(WatchedProject project) {
        if (projects.get(project.id) != project) return;
        WatchedProject.Batch batch = project.take();
        if (batch.rescan()) registerTree(project, "");
        project.processInTurn(() -> {
            try {
                long started = System.nanoTime();
                int announced = processor.process(project.id, batch.scopes());
                if (batch.rescan()) log.info("Rescanned project {}: {} changes announced in {} ms", project.id, announced,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (RuntimeException e) {
                log.warn("Processing changes on disk of project {} failed", project.id, e);
            }
        });
    }

    private void stopIdle() {
        long now = System.nanoTime();
        long timeout = properties.watchIdleTimeout().toNanos();
        projects.values().stream().filter(p -> p.idle(now, timeout)).map(p -> p.id).toList().forEach(id -> {
            stop(id);
            processor.close(id);
        });
    }

    @PreDestroy
    void shutdown() throws IOException {
        scheduler.shutdownNow();
        service.close();
    }
}
