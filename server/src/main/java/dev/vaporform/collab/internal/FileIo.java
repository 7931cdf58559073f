package dev.vaporform.collab.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Where live documents do their file and text-save I/O: off the documents' queues, at most
 * {@code LIMIT} at once per node. The files module serialises I/O per project behind one lock,
 * so a thousand documents writing back at once would otherwise park a thousand threads on it.
 * Once the application shuts down, I/O not yet started is skipped (files catch up from the op
 * log at the next load) instead of queueing behind a database that is about to close.
 */
final class FileIo {

    private static final int LIMIT = 16;

    private final Executor executor;
    private final Semaphore permits = new Semaphore(LIMIT);
    private volatile boolean closing;

    FileIo(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code io} on a virtual thread when a permit is free; not at all once closing. */
    void run(Runnable io) {
        executor.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (!closing) io.run();
            } finally {
                permits.release();
            }
        });
    }

    /** From now on, I/O not yet started is skipped. */
    void close() {
        closing = true;
    }
}
