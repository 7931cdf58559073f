package dev.vaporform.collab.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

    Documents(OpLog opLog, Committer committer, CollabProperties properties, ProjectFiles files, ServerOpIds serverOps, ClusterBus bus,
              MeterRegistry meters) {
        // what this node holds in memory; a client's subscriptions are bounded, so this stays bounded too
        Gauge.builder("vaporform.collab.documents.live", live, Map::size).description("Documents live on this node").register(meters);
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("collab-timers").daemon().factory());
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        this.services = new DocumentServices(opLog, committer, properties, files, timers, executor, serverOps, bus,
                new FileIo(executor));
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

    /** @return whether the document is live on this node */
    boolean isLive(DocumentKey key) {
        return live.containsKey(key);
    }

    /** @return the live documents of a project */
    List<DocumentKey> liveIn(java.util.UUID projectId) {
        return live.keySet().stream().filter(k -> k.projectId().equals(projectId)).toList();
    }

    /**
     * A new authority listens to what other nodes commit and present on the document before it
     * loads, so nothing committed elsewhere between its load and its subscription goes unseen.
     */
    private DocumentAuthority create(DocumentKey key) {
        DocumentAuthority[] holder = new DocumentAuthority[1];
        ClusterBus.Subscription subscription = services.bus().subscribe(NodeMessages.channel(key), message -> fromNode(key, message));
        holder[0] = new DocumentAuthority(key, services, () -> {
            holder[0].unloaded = true;
            subscription.close();
            live.remove(key, holder[0]);
        });
        return holder[0];
    }

    private void fromNode(DocumentKey key, String text) {
        var message = NodeMessages.read(text);
        if (services.bus().nodeId().equals(message.path("n").asString())) return;
        if ("op".equals(message.path("t").asString())) {
            CommittedOp op = NodeMessages.committedOp(message);
            ifLive(key, a -> a.remoteCommitted(op));
        } else if ("p".equals(message.path("t").asString()) && message.get("f") instanceof tools.jackson.databind.node.ObjectNode frame) {
            ifLive(key, a -> a.remotePresence(frame));
        }
    }

    /** Stops timers and file I/O not yet started. */
    @Override
    public void destroy() {
        services.fileIo().close();
        timers.shutdownNow();
    }
}
