package dev.vaporform.files.storage;

import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the module's events inside a transaction, always: Spring Modulith records events
 * for {@code @ApplicationModuleListener}s in its publication registry when the transaction
 * commits, and an event published outside one would never reach them.
 */
@Component
public class FileEvents {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    public FileEvents(ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** Runs {@code work} in a transaction, giving it a way to publish events that commit with it. */
    public <T> T inTransaction(Function<Consumer<Object>, T> work) {
        return transactions.execute(status -> work.apply(publisher::publishEvent));
    }

    /** Publishes the events in one transaction (nothing when the list is empty). */
    public void publish(List<?> events) {
        if (events.isEmpty()) return;
        transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
    }
}
