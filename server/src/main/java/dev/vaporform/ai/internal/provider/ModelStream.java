package dev.vaporform.ai.internal.provider;

import java.util.function.Consumer;

/** An answer arriving. {@link #close()} may be called from any thread and cancels the call. */
public interface ModelStream extends AutoCloseable {

    /**
     * Reads the answer to its end, handing each piece of text over as it arrives.
     *
     * @return the tokens the call used
     * @throws ProviderFailure when the provider reports an error mid-stream or the connection fails
     */
    Usage read(Consumer<String> text);

    /** @return tokens known so far (the input is known when the answer starts) */
    Usage usageSoFar();

    @Override
    void close();
}
