package dev.vaporform.platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value that is costly to build and not needed to start (a dictionary, a dummy password hash):
 * built once, on a virtual thread when its owner calls {@link #buildInBackground()} — typically on
 * {@code ApplicationReadyEvent} — or by the first caller of {@link #get()} who needs it sooner.
 *
 * <p>Why after start-up rather than beside it: on a small machine start-up is CPU-bound, so work
 * running next to it delays it about as much as work in its way.
 */
public final class AfterStartup<T> {

    private final FutureTask<T> task;
    private final String name;

    private AfterStartup(String name, Callable<T> build) {
        this.name = name;
        this.task = new FutureTask<>(build);
    }

    /** @param name names the background thread, for thread dumps and profiles */
    public static <T> AfterStartup<T> of(String name, Callable<T> build) {
        return new AfterStartup<>(name, build);
    }

    /** Starts building on a virtual thread; nothing happens when it is built or being built. */
    public void buildInBackground() {
        if (!task.isDone()) Thread.ofVirtual().name(name).start(task);
    }

    /**
     * The value: builds it on the calling thread when no one has started, otherwise waits for it.
     * @throws IllegalStateException when building failed (with the failure as its cause), or the
     *         caller was interrupted while waiting
     */
    public T get() {
        task.run(); // returns at once when the task has already run or is running elsewhere
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " could not be built", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }
}
