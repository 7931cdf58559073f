package dev.vaporform.ai.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The AI module's refusals; each code is listed in docs/problems.md. */
public final class AiProblems {

    private AiProblems() {}

    /** No provider is configured (503): the detail says how to set one. */
    public static class NotConfigured extends ProblemException {
        public NotConfigured() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "ai-not-configured", "AI is not configured",
                    "No AI provider is configured on this server. Set ANTHROPIC_API_KEY (Claude), or "
                            + "VAPORFORM_AI_OPENAI_BASE_URL and VAPORFORM_AI_OPENAI_MODEL (an OpenAI-compatible server "
                            + "such as Ollama, vLLM or llama.cpp), and restart.");
        }
    }

    /** The provider is failing, overloaded or the breaker is open (503). */
    public static class Unavailable extends ProblemException {
        public Unavailable(String detail, Duration retryAfter) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "ai-unavailable", "AI provider unavailable", detail,
                    retryAfter == null ? Map.of() : Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds())));
        }
    }

    /** The provider kept refusing for load after our retries (429). */
    public static class ProviderBusy extends ProblemException {
        public ProviderBusy(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "ai-provider-busy", "AI provider busy",
                    "The AI provider is receiving too many requests. Try again shortly.",
                    retryAfter == null ? Map.of() : Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds())));
        }
    }

    /** The provider refused the server's account: its key or its spend limit (502). */
    public static class ProviderRefused extends ProblemException {
        public ProviderRefused(String code, String detail) {
            super(HttpStatus.BAD_GATEWAY, code, "AI provider refused the request", detail);
        }
    }

    /** No first token, or no end, in time (504). */
    public static class Timeout extends ProblemException {
        public Timeout(String detail) {
            super(HttpStatus.GATEWAY_TIMEOUT, "ai-timeout", "AI provider timed out", detail);
        }
    }

    /** The user's tokens for today are spent (402). */
    public static class BudgetExceeded extends ProblemException {
        public BudgetExceeded(long budget, long used) {
            super(HttpStatus.PAYMENT_REQUIRED, "ai-budget-exceeded", "AI token budget spent",
                    "You have used " + used + " of your " + budget + " AI tokens today (UTC). The budget renews at midnight UTC.",
                    Map.of("budget", budget, "used", used));
        }
    }

    /** The prompt, or its indispensable context, does not fit (413). */
    public static class PromptTooLarge extends ProblemException {
        public PromptTooLarge(String detail, long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, "ai-prompt-too-large", "Prompt too large", detail, Map.of("limit", limit));
        }
    }

    /** No such AI session in the project (404). */
    public static class SessionNotFound extends ProblemException {
        public SessionNotFound() {
            super(HttpStatus.NOT_FOUND, "ai-session-not-found", "AI session not found", "This project has no such AI session.");
        }
    }

    /** A follow-up in another user's session (403): conversations are read by all, continued by their author. */
    public static class NotYourSession extends ProblemException {
        public NotYourSession() {
            super(HttpStatus.FORBIDDEN, "ai-session-not-yours", "Not your AI session",
                    "Only the person who started this AI session can continue it; start a new one.");
        }
    }

    /** The provider broke off the answer (502); nothing was written. */
    public static class AnswerFailed extends ProblemException {
        public AnswerFailed(String detail) {
            super(HttpStatus.BAD_GATEWAY, "ai-answer-failed", "AI answer failed", detail + " Nothing was changed.");
        }
    }
}
