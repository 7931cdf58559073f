package dev.vaporform.collab.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time in submission order on a shared executor: a document's authority is
 * an actor, so its state needs no lock and no task waits on another document's.
 */
final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;

    SerialQueue(Executor executor) {
        this.executor = executor;
    }

    void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) executor.execute(this::drain);
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Document task failed", e);
            }
        }
        scheduled.set(false);
        // A task added between the last poll and the reset would otherwise wait for the next one.
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(this::drain);
    }
}
