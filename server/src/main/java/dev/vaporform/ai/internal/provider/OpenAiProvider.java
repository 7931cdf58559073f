package dev.vaporform.ai.internal.provider;

import java.time.Duration;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

/**
 * An OpenAI-compatible chat completions server (Ollama, vLLM, llama.cpp's server, OpenAI itself)
 * through OpenAI's official SDK, streaming, with usage asked for in the last chunk.
 */
public final class OpenAiProvider implements ModelProvider {

    private final OpenAIClient client;
    private final String model;

    public OpenAiProvider(String baseUrl, String apiKey, String model, Duration connect, Duration silence, Duration total) {
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl)
                // local servers take no key, but the SDK insists on one
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .maxRetries(0)
                .timeout(Timeout.builder().connect(connect).read(silence).request(total).build())
                .build();
        this.model = model;
    }

    @Override
    public String name() { return "openai"; }

    @Override
    public String model() { return model; }

    @Override
    public ModelStream open(ModelRequest request) {
        var params = ChatCompletionCreateParams.builder().model(model).maxCompletionTokens(request.maxTokens())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .addSystemMessage(request.system());
        for (ModelRequest.Turn turn : request.turns()) {
            if (turn.role() == ModelRequest.Role.user) params.addUserMessage(turn.text());
            else params.addAssistantMessage(turn.text());
        }
        try {
            return new Answer(client.chat().completions().createStreaming(params.build()));
        } catch (OpenAIException e) {
            throw failure(e);
        }
    }

    static ProviderFailure failure(OpenAIException e) {
        if (e instanceof SseException event) {
            return new ProviderFailure(ProviderFailure.Kind.FAILED, event.statusCode(), "The model server reported an error during the answer", null, e);
        }
        if (e instanceof OpenAIServiceException refused) {
            int status = refused.statusCode();
            String code = refused.code().orElse("");
            Duration retryAfter = ProviderFailure.parseRetryAfter(refused.headers().values("retry-after").stream().findFirst().orElse(null));
            // OpenAI says "insufficient_quota" with a 429 when the spend limit is reached: not worth a retry
            ProviderFailure.Kind kind = code.contains("insufficient_quota") ? ProviderFailure.Kind.SPEND_LIMIT : AnthropicProvider.kind(status, "");
            return new ProviderFailure(kind, status, "The model server answered " + status, retryAfter, e);
        }
        return ProviderFailure.connection("The model server", e);
    }

    private static final class Answer extends StreamedAnswer<ChatCompletionChunk> {

        Answer(StreamResponse<ChatCompletionChunk> response) {
            super(() -> response.stream().iterator(), response::close);
        }

        @Override
        protected void accept(ChatCompletionChunk chunk, Consumer<String> text) {
            for (var choice : chunk.choices()) choice.delta().content().filter(s -> !s.isEmpty()).ifPresent(text);
            chunk.usage().ifPresent(u -> {
                input = u.promptTokens();
                output = u.completionTokens();
            });
        }

        @Override
        protected ProviderFailure failure(RuntimeException e) {
            return e instanceof OpenAIException sdk ? OpenAiProvider.failure(sdk) : ProviderFailure.connection("The model server", e);
        }
    }
}
