package dev.vaporform.containers.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * What Vaporform itself did in a workspace — status changes and the output of devcontainer
 * lifecycle commands — kept as recent lines per project and pushed to anyone following the
 * workspace log, next to the container's own output.
 */
@Component
public class WorkspaceLogBook {

    private static final int KEEP = 2000;

    private final Map<UUID, ArrayDeque<String>> lines = new ConcurrentHashMap<>();
    private final Map<UUID, List<Consumer<String>>> followers = new ConcurrentHashMap<>();

    public void append(UUID projectId, String line) {
        var book = lines.computeIfAbsent(projectId, id -> new ArrayDeque<>());
        synchronized (book) {
            book.addLast(line);
            while (book.size() > KEEP) book.removeFirst();
        }
        followers.getOrDefault(projectId, List.of()).forEach(f -> f.accept(line));
    }

    /** @return the recent lines, and from now on every new one goes to the follower until the returned handle closes */
    public Subscription follow(UUID projectId, Consumer<String> follower) {
        List<String> recent;
        var book = lines.computeIfAbsent(projectId, id -> new ArrayDeque<>());
        synchronized (book) {
            recent = List.copyOf(book);
            followers.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>()).add(follower);
        }
        return new Subscription(recent, () -> followers.getOrDefault(projectId, List.of()).remove(follower));
    }

    public void forget(UUID projectId) {
        lines.remove(projectId);
    }

    /** Recent lines at the time of subscribing, and how to stop following. */
    public record Subscription(List<String> recent, Runnable cancel) implements AutoCloseable {
        @Override
        public void close() {
            cancel.run();
        }
    }
}
