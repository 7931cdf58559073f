package dev.vaporform.files.storage;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One lock per project (striped), held by every change to a project's tree, versions, usage or
 * index: API writes and the watcher's processing of disk changes see each other's work whole,
 * which is what lets the watcher tell our own writes from the workspace's.
 */
@Component
public class ProjectLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public ProjectLocks() {
        for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    }

    /** Runs {@code action} holding the project's lock. */
    public <T> T with(UUID projectId, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(projectId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the project's lock. */
    public void run(UUID projectId, Runnable action) {
        with(projectId, () -> {
            action.run();
            return null;
        });
    }
}
