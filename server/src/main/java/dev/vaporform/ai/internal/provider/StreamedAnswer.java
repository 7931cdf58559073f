package dev.vaporform.ai.internal.provider;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An answer read from an SDK's event stream: each provider says what its events mean (text, token
 * counts) and how its exceptions map to {@link ProviderFailure}; reading, closing and the usage
 * bookkeeping are the same for all.
 *
 * @param <E> the SDK's stream event
 */
abstract class StreamedAnswer<E> implements ModelStream {

    private final Supplier<Iterator<E>> events;
    private final Runnable close;
    protected volatile long input;
    protected volatile long output;

    StreamedAnswer(Supplier<Iterator<E>> events, Runnable close) {
        this.events = events;
        this.close = close;
    }

    /** Hands the event's text (if any) to {@code text} and keeps its token counts. */
    protected abstract void accept(E event, Consumer<String> text);

    /** @return the failure an exception of the SDK (or of the connection) stands for */
    protected abstract ProviderFailure failure(RuntimeException e);

    @Override
    public final Usage read(Consumer<String> text) {
        try {
            Iterator<E> each = events.get();
            while (each.hasNext()) accept(each.next(), text);
            return usageSoFar();
        } catch (ProviderFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        } finally {
            close.run();
        }
    }

    @Override
    public final Usage usageSoFar() {
        return new Usage(input, output);
    }

    @Override
    public final void close() {
        close.run();
    }
}
