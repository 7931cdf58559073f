package dev.vaporform.ai.internal.provider;

import java.time.Duration;
import java.util.function.Consumer;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.Timeout;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

/**
 * Claude through Anthropic's official SDK, streaming. The SDK's own retries are off: retries,
 * the breaker and the deadlines are {@code ResilientModel}'s, so they are counted in one place.
 */
public final class AnthropicProvider implements ModelProvider {

    private final AnthropicClient client;
    private final String model;

    public AnthropicProvider(String apiKey, String baseUrl, String model, Duration connect, Duration silence, Duration total) {
        this.client = AnthropicOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxRetries(0)
                .timeout(Timeout.builder().connect(connect).read(silence).request(total).build())
                .build();
        this.model = model;
    }

    @Override
    public String name() { return "anthropic"; }

    @Override
    public String model() { return model; }

    @Override
    public ModelStream open(ModelRequest request) {
        var params = MessageCreateParams.builder().model(model).maxTokens(request.maxTokens()).system(request.system());
        for (ModelRequest.Turn turn : request.turns()) {
            if (turn.role() == ModelRequest.Role.user) params.addUserMessage(turn.text());
            else params.addAssistantMessage(turn.text());
        }
        try {
            return new Answer(client.messages().createStreaming(params.build()));
        } catch (AnthropicException e) {
            throw failure(e);
        }
    }

    static ProviderFailure failure(AnthropicException e) {
        if (e instanceof SseException event) return midStream(event);
        if (e instanceof AnthropicServiceException refused) {
            int status = refused.statusCode();
            String type = refused.errorType().map(Object::toString).orElse("");
            String message = "Anthropic answered " + status + refused.apiMessage().map(m -> ": " + m).orElse("");
            Duration retryAfter = ProviderFailure.parseRetryAfter(refused.headers().values("retry-after").stream().findFirst().orElse(null));
            return new ProviderFailure(kind(status, type), status, message, retryAfter, e);
        }
        return ProviderFailure.connection("Anthropic", e);
    }


    /** An {@code error} event in the middle of the answer: whatever its type, this answer is over. */
    private static ProviderFailure midStream(SseException event) {
        String type = event.errorType().map(Object::toString).orElse("error");
        return new ProviderFailure(ProviderFailure.Kind.FAILED, event.statusCode(),
                "Anthropic reported " + type + " during the answer" + event.apiMessage().map(m -> ": " + m).orElse(""), null, event);
    }

    static ProviderFailure.Kind kind(int status, String type) {
        if (status == 402 || type.contains("billing")) return ProviderFailure.Kind.SPEND_LIMIT;
        if (status == 429) return ProviderFailure.Kind.RATE_LIMITED;
        if (status == 529 || status == 503 || type.contains("overloaded")) return ProviderFailure.Kind.OVERLOADED;
        if (status == 401 || status == 403) return ProviderFailure.Kind.AUTHENTICATION;
        if (status >= 400 && status < 500) return ProviderFailure.Kind.REFUSED;
        return ProviderFailure.Kind.FAILED;
    }

    /** The events of one answer: text deltas are handed over, usage is kept. */
    private static final class Answer extends StreamedAnswer<RawMessageStreamEvent> {

        Answer(StreamResponse<RawMessageStreamEvent> response) {
            super(response::iterator, response::close);
        }

        @Override
        protected void accept(RawMessageStreamEvent event, Consumer<String> text) {
            if (event.isMessageStart()) {
                var usage = event.asMessageStart().message().usage();
                input = usage.inputTokens() + usage.cacheReadInputTokens().orElse(0L) + usage.cacheCreationInputTokens().orElse(0L);
                output = usage.outputTokens();
            } else if (event.isContentBlockDelta()) {
                event.asContentBlockDelta().delta().text().ifPresent(delta -> text.accept(delta.text()));
            } else if (event.isMessageDelta()) {
                output = event.asMessageDelta().usage().outputTokens();
            }
        }

        @Override
        protected ProviderFailure failure(RuntimeException e) {
            return e instanceof AnthropicException sdk ? AnthropicProvider.failure(sdk) : ProviderFailure.connection("Anthropic", e);
        }
    }
}
