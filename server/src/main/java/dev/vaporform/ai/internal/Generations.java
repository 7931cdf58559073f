package dev.vaporform.ai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import dev.vaporform.ai.internal.context.BuiltContext;
import dev.vaporform.ai.internal.context.ContextBuilder;
import dev.vaporform.ai.internal.context.ContextRequest;
import dev.vaporform.ai.internal.edits.EditApplier;
import dev.vaporform.ai.internal.provider.ModelRequest;
import dev.vaporform.ai.internal.provider.ProviderFailure;
import dev.vaporform.ai.internal.store.AiSessions;
import dev.vaporform.ai.internal.store.AiUsage;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.platform.InvalidParameter;
import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * Starts an answer: checks the request, the user's rate and budget, builds the context and opens
 * the provider's stream. Everything that can be refused is refused here, as a plain problem
 * answer; only once the provider has accepted does the answer become an event stream
 * ({@link AnswerStream}).
 */
@Service
public class Generations {

    private final AiModel model;
    private final ContextBuilder contexts;
    private final EditApplier edits;
    private final AiSessions sessions;
    private final AiUsage usage;
    private final RateLimiter rateLimiter;
    private final AiProperties properties;
    private final RateLimit perUser;

    Generations(AiModel model, ContextBuilder contexts, EditApplier edits, AiSessions sessions, AiUsage usage,
                RateLimiter rateLimiter, AiProperties properties) {
        this.model = model;
        this.contexts = contexts;
        this.edits = edits;
        this.sessions = sessions;
        this.usage = usage;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.perUser = new RateLimit("ai-generate", properties.requestsPerMinute(), java.time.Duration.ofMinutes(1));
    }

    /** The caller has been checked for the collaborator role. */
    public SseEmitter start(GenerateCommand command) {
        ResilientModel resilient = model.require();
        String prompt = checkPrompt(command.prompt());
        String path = command.path() == null || command.path().isBlank() ? null : ProjectPath.of(command.path()).value();
        if (command.selection() != null && path == null) throw new InvalidParameter("selection", "needs a path");
        UUID sessionId = command.sessionId() == null ? UUID.randomUUID() : command.sessionId();
        List<ModelRequest.Turn> history = command.sessionId() == null ? List.of() : history(command);

        rateLimiter.tryConsume(perUser, command.userId().toString()).ifPresent(wait -> {
            throw new TooManyRequests("You asked the AI " + properties.requestsPerMinute() + " times in the last minute, the most allowed. Wait a moment.", wait);
        });
        long used = usage.today(command.userId()).total();
        if (used >= properties.dailyTokens()) throw new AiProblems.BudgetExceeded(properties.dailyTokens(), used);

        BuiltContext context = contexts.build(new ContextRequest(command.projectId(), prompt, path, command.selection(), history),
                Instructions.SYSTEM, properties.maxOutputTokens());
        ResilientModel.Call call;
        try {
            call = resilient.open(context.request());
        } catch (CallNotPermittedException open) {
            throw new AiProblems.Unavailable("The AI provider has been failing; requests pause for a short while. Try again shortly.",
                    properties.breaker().openFor());
        } catch (ProviderFailure failure) {
            record(command, sessionId, resilient, failure.kind() == ProviderFailure.Kind.TIMEOUT ? "timeout" : "refused", 0, 0);
            throw FailureProblems.beforeStream(failure);
        }
        var stream = new AnswerStream(call, new AnswerStream.Job(command, path, prompt, sessionId, resilient.providerName(), resilient.model()),
                edits, sessions, usage, properties, model.timers(), MDC.get("correlationId"));
        return stream.start();
    }

    private String checkPrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) throw new InvalidParameter("prompt", "must not be empty");
        if (prompt.length() > properties.maxPromptChars()) {
            throw new AiProblems.PromptTooLarge("The prompt has " + prompt.length() + " characters; at most "
                    + properties.maxPromptChars() + " are allowed (vaporform.ai.max-prompt-chars).", properties.maxPromptChars());
        }
        return prompt;
    }

    private List<ModelRequest.Turn> history(GenerateCommand command) {
        var session = sessions.find(command.projectId(), command.sessionId()).orElseThrow(AiProblems.SessionNotFound::new);
        if (!session.userId().equals(command.userId())) throw new AiProblems.NotYourSession();
        List<ModelRequest.Turn> turns = new ArrayList<>();
        for (var message : sessions.messages(session.id())) {
            turns.add(new ModelRequest.Turn(ModelRequest.Role.valueOf(message.role()), message.content()));
        }
        return turns;
    }

    private void record(GenerateCommand c, UUID sessionId, ResilientModel m, String outcome, long in, long out) {
        usage.record(new AiUsage.Call(c.userId(), c.projectId(), sessionId, m.providerName(), m.model(), in, out, outcome));
    }
}
