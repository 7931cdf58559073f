package dev.vaporform.collab.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit: one thread takes every op waiting to be stored, from all documents, and appends
 * them in one transaction, so a thousand documents typing at once cost a few transactions per
 * round trip instead of one each. Ops of one document are stored in the order they were handed
 * in, and futures complete in that order. When a batch fails, each document's ops are retried on
 * their own, so one document's conflict does not fail the others.
 */
@Component
class Committer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    private record Pending(OpLog.Append append, long generation, CompletableFuture<Void> done, long startedAt) {}

    private final OpLog opLog;
    private final int batchSize;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Per document, the newest generation that had a failure; only touched by the committer thread. */
    private final Map<DocumentKey, Long> failedGenerations = new java.util.HashMap<>();

    /** Ops made durable ({@code vaporform_collab_ops_committed_total}). */
    private final Counter committed;
    /** From an op's hand-over to its durability ({@code vaporform_collab_op_commit_seconds}): what an ack waits for. */
    private final Timer latency;

    Committer(OpLog opLog, CollabProperties properties, MeterRegistry meters) {
        this.opLog = opLog;
        this.committed = Counter.builder("vaporform.collab.ops.committed").description("Collaboration ops stored in the op log").register(meters);
        this.latency = Timer.builder("vaporform.collab.op.commit").description("Time from an op's submission to its being durable")
                .publishPercentileHistogram().register(meters);
        this.batchSize = properties.commitBatchSize();
        this.thread = Thread.ofPlatform().name("collab-committer").daemon().start(this::run);
    }

    /**
     * @param generation the authority's generation: after a failure, the document's later ops of
     *                   the same generation fail too (they were transformed against the lost one)
     * @return completes when the op is durable; fails when it could not be stored (e.g. a conflict)
     */
    CompletableFuture<Void> commit(DocumentKey key, CommittedOp op, long generation) {
        var pending = new Pending(new OpLog.Append(key, op), generation, new CompletableFuture<>(), System.nanoTime());
        queue.add(pending);
        return pending.done();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, batchSize - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Group commit failed unexpectedly", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Pending> batch) {
        Map<DocumentKey, List<Pending>> byDocument = new LinkedHashMap<>();
        for (Pending p : batch) {
            Long failed = failedGenerations.get(p.append().key());
            if (failed != null && p.generation() <= failed) {
                p.done().completeExceptionally(new OpLog.CommitConflict());
            } else {
                byDocument.computeIfAbsent(p.append().key(), k -> new ArrayList<>()).add(p);
            }
        }
        if (byDocument.isEmpty()) return;
        List<Pending> grouped = byDocument.values().stream().flatMap(List::stream).toList();
        try {
            opLog.append(grouped.stream().map(Pending::append).toList());
            grouped.forEach(this::durable);
        } catch (RuntimeException batchFailed) {
            if (byDocument.size() == 1) {
                failed(grouped, batchFailed);
                return;
            }
            byDocument.values().forEach(this::storeAlone);
        }
    }

    private void storeAlone(List<Pending> ops) {
        try {
            opLog.append(ops.stream().map(Pending::append).toList());
            ops.forEach(this::durable);
        } catch (RuntimeException e) {
            failed(ops, e);
        }
    }

    private void durable(Pending p) {
        committed.increment();
        latency.record(System.nanoTime() - p.startedAt(), java.util.concurrent.TimeUnit.NANOSECONDS);
        p.done().complete(null);
    }

    private void failed(List<Pending> ops, RuntimeException error) {
        ops.forEach(p -> failedGenerations.merge(p.append().key(), p.generation(), Math::max));
        ops.forEach(p -> p.done().completeExceptionally(error));
    }

    @Override
    public void destroy() {
        running = false;
        thread.interrupt();
    }
}
