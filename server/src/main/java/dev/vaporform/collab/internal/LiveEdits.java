package dev.vaporform.collab.internal;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.vaporform.collab.LiveDocuments;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.ot.Op;

/**
 * Server-side changes to live documents: the change runs on the document's queue against its
 * current text, becomes a diff op submitted like a client's (transformed, committed, broadcast,
 * retried on a lost race), and the caller waits until it is durable.
 */
@Component
class LiveEdits implements LiveDocuments {

    private final Documents documents;
    private final OpLog opLog;
    private final ServerOpIds serverOps;

    LiveEdits(Documents documents, OpLog opLog, ServerOpIds serverOps) {
        this.documents = documents;
        this.opLog = opLog;
        this.serverOps = serverOps;
    }

    @Override
    public OptionalLong changeIfLive(UUID projectId, String path, UUID authorId, UnaryOperator<String> change, Duration wait) {
        var key = new DocumentKey(projectId, ProjectPath.of(path).value());
        if (!documents.isLive(key) && !opLog.holds(key)) return OptionalLong.empty();
        var outcome = new CompletableFuture<Long>();
        var noChange = new CompletableFuture<Long>();
        documents.run(key, authority -> {
            try {
                authority.ensureLoaded();
                if (!authority.exists()) {
                    noChange.complete(-1L);
                    return;
                }
                String before = authority.currentText();
                String after = change.apply(before);
                Op op = TextDiff.between(before, after);
                if (op.isNoop()) {
                    noChange.complete(authority.currentVersion());
                    return;
                }
                authority.submit(new Submission(null, serverOps.src, serverOps.next(), null, op, null, authorId, 0, outcome));
            } catch (RuntimeException refused) {
                noChange.completeExceptionally(refused);
                outcome.completeExceptionally(refused);
            }
        });
        return await(CompletableFuture.anyOf(outcome, noChange), wait, path);
    }

    private static OptionalLong await(CompletableFuture<Object> first, Duration wait, String path) {
        try {
            long version = (Long) first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShareDbError stored) throw new LiveEditFailed("The change to " + path + " could not be stored: " + stored.getMessage(), stored);
            if (e.getCause() instanceof RuntimeException refused) throw refused;
            throw new LiveEditFailed("The change to " + path + " failed.", e.getCause());
        } catch (TimeoutException e) {
            throw new LiveEditFailed("The change to " + path + " was not stored within " + wait.toSeconds() + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveEditFailed("Interrupted while changing " + path + ".", e);
        }
    }
}
