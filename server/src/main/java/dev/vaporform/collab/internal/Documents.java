package dev.vaporform.collab.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.vaporform.files.ProjectFiles;

/**
 * The live documents of this node, each with its {@link DocumentAuthority}. Work for a document
 * is always run on its authority's queue; an authority that unloaded meanwhile hands the work
 * to its successor, so nothing is applied to a document no longer live.
 */
@Component
class Documents implements DisposableBean {

    private final Map<DocumentKey, DocumentAuthority> live = new ConcurrentHashMap<>();
    private final DocumentServices services;
    private final ScheduledExecutorService timers;

    Documents(OpLog opLog, Committer committer, CollabProperties properties, ProjectFiles files, ServerOpIds serverOps) {
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("collab-timers").daemon().factory());
        this.services = new DocumentServices(opLog, committer, properties, files, timers,
                Executors.newVirtualThreadPerTaskExecutor(), serverOps);
    }

    /** Runs {@code work} on the document's queue, loading the authority first if needed. */
    void run(DocumentKey key, Consumer<DocumentAuthority> work) {
        DocumentAuthority authority = live.computeIfAbsent(key, this::create);
        authority.queue.execute(() -> {
            if (authority.unloaded) {
                run(key, work);
            } else {
                work.accept(authority);
            }
        });
    }

    /** Runs {@code work} only when the document is live on this node. */
    void ifLive(DocumentKey key, Consumer<DocumentAuthority> work) {
        if (live.containsKey(key)) run(key, work);
    }

    /** @return the live documents of a project */
    List<DocumentKey> liveIn(java.util.UUID projectId) {
        return live.keySet().stream().filter(k -> k.projectId().equals(projectId)).toList();
    }

    private DocumentAuthority create(DocumentKey key) {
        DocumentAuthority[] holder = new DocumentAuthority[1];
        holder[0] = new DocumentAuthority(key, services, () -> {
            holder[0].unloaded = true;
            live.remove(key, holder[0]);
        });
        return holder[0];
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
