package dev.vaporform.ai.internal;

import dev.vaporform.ai.internal.provider.ProviderFailure;
import dev.vaporform.platform.ProblemException;

/** What a user is told when the provider fails, before or during the answer. */
final class FailureProblems {

    private FailureProblems() {}

    /** A failure before anything streamed: it becomes the HTTP answer. */
    static ProblemException beforeStream(ProviderFailure f) {
        return switch (f.kind()) {
            case RATE_LIMITED -> new AiProblems.ProviderBusy(f.retryAfter().orElse(null));
            case OVERLOADED -> new AiProblems.Unavailable("The AI provider is overloaded. Try again in a moment.", f.retryAfter().orElse(null));
            case FAILED -> new AiProblems.Unavailable("The AI provider is not answering properly (" + f.getMessage() + ").", null);
            case SPEND_LIMIT -> new AiProblems.ProviderRefused("ai-provider-spend-limit",
                    "The AI provider refused the request: this installation's spend limit is reached. An administrator must raise it.");
            case AUTHENTICATION -> new AiProblems.ProviderRefused("ai-provider-auth",
                    "The AI provider refused this server's API key. An administrator must check the configured key.");
            case REFUSED -> new AiProblems.ProviderRefused("ai-provider-refused", "The AI provider refused the request (" + f.getMessage() + ").");
            case TIMEOUT -> new AiProblems.Timeout(f.getMessage());
        };
    }

    /** A failure after text streamed: it ends the stream as an {@code error} event. */
    static ProblemException midStream(ProviderFailure f) {
        if (f.kind() == ProviderFailure.Kind.TIMEOUT) return new AiProblems.Timeout(f.getMessage() + " Nothing was changed.");
        return new AiProblems.AnswerFailed("The AI provider broke off the answer (" + f.getMessage() + ").");
    }
}
