package dev.vaporform.ai.internal.provider;

/** A language model reached over the network. Implementations do not retry; {@code ResilientModel} does. */
public interface ModelProvider {

    /** @return {@code anthropic} or {@code openai}, for usage records and health */
    String name();

    /** @return the model asked for */
    String model();

    /**
     * Sends the request and waits for the provider to accept it (its response headers).
     *
     * @return the answer, to be read as it streams
     * @throws ProviderFailure when the provider refused or could not be reached
     */
    ModelStream open(ModelRequest request);
}
