package dev.vaporform.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an in-memory reaction to an event once the transaction that published it commits (never
 * when it rolls back), or at once when there is none: what
 * {@code @TransactionalEventListener(fallbackExecution = true)} does, without Spring Modulith's
 * publication registry. Modulith records a publication for every after-commit listener and marks
 * it processing and then completed, in two more transactions on the publishing thread: three
 * writes to PostgreSQL per event, each commit waiting for its WAL flush. A notification to open
 * sockets needs none of that (a client that reconnects reloads), and a rescan that finds 6,000
 * changed files spent 40 s on it. Listeners whose work must survive a crash stay
 * {@code @ApplicationModuleListener}s.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {}

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // The change is committed: the caller must not see it fail because a reaction did.
                    log.warn("A reaction to a committed change failed", e);
                }
            }
        });
    }
}
