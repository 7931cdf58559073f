package dev.vaporform.ai.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.ai.internal.edits.EditApplier;
import dev.vaporform.ai.internal.edits.EditOutcome;
import dev.vaporform.ai.internal.edits.EditParser;
import dev.vaporform.ai.internal.edits.ProposedEdit;
import dev.vaporform.ai.internal.provider.ProviderFailure;
import dev.vaporform.ai.internal.provider.Usage;
import dev.vaporform.ai.internal.store.AiSessions;
import dev.vaporform.ai.internal.store.AiUsage;
import dev.vaporform.platform.ProblemException;

/**
 * One answer as server-sent events: {@code delta {text}} as tokens arrive, then — only when the
 * answer completed — one {@code edit} per edit found (proposed, applied or rejected) and
 * {@code done {sessionId, usage}}; or {@code error {problem}} and nothing written. A browser that
 * goes away (a send fails, or the heartbeat does) closes the upstream call.
 */
final class AnswerStream {

    private static final Logger log = LoggerFactory.getLogger(AnswerStream.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Job(GenerateCommand command, String path, String prompt, UUID sessionId, String provider, String model) {}

    private final ResilientModel.Call call;
    private final Job job;
    private final EditApplier edits;
    private final AiSessions sessions;
    private final AiUsage usage;
    private final AiProperties properties;
    private final ScheduledExecutorService timers;
    private final String correlationId;
    private final SseEmitter emitter;
    private final AtomicBoolean gone = new AtomicBoolean();

    AnswerStream(ResilientModel.Call call, Job job, EditApplier edits, AiSessions sessions, AiUsage usage,
                 AiProperties properties, ScheduledExecutorService timers, String correlationId) {
        this.call = call;
        this.job = job;
        this.edits = edits;
        this.sessions = sessions;
        this.usage = usage;
        this.properties = properties;
        this.timers = timers;
        this.correlationId = correlationId;
        // the emitter outlives the answer's own deadline a little, so the deadline is what the user sees
        this.emitter = new SseEmitter(properties.totalTimeout().plusSeconds(30).toMillis());
    }

    SseEmitter start() {
        emitter.onCompletion(this::hangUp);
        emitter.onTimeout(this::hangUp);
        emitter.onError(e -> hangUp());
        Thread.ofVirtual().name("ai-answer-" + job.sessionId()).start(this::run);
        return emitter;
    }

    private void run() {
        if (correlationId != null) MDC.put("correlationId", correlationId);
        long every = properties.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = timers.scheduleAtFixedRate(() -> send(SseEmitter.event().comment("keep-alive")), every, every, TimeUnit.MILLISECONDS);
        StringBuilder answer = new StringBuilder();
        try {
            Usage used = call.read(text -> {
                answer.append(text);
                send(SseEmitter.event().name("delta").data(Map.of("text", text), MediaType.APPLICATION_JSON));
                if (gone.get()) call.close();
            });
            heartbeat.cancel(false);
            if (gone.get()) {
                record("cancelled", used);
                return;
            }
            finish(answer.toString(), used);
        } catch (ProviderFailure failure) {
            heartbeat.cancel(false);
            if (gone.get()) {
                record("cancelled", call.usageSoFar());
                return;
            }
            record(failure.kind() == ProviderFailure.Kind.TIMEOUT ? "timeout" : "error", call.usageSoFar());
            fail(FailureProblems.midStream(failure));
        } catch (RuntimeException unexpected) {
            heartbeat.cancel(false);
            log.error("AI answer {} failed", job.sessionId(), unexpected);
            record("error", call.usageSoFar());
            fail(new AiProblems.AnswerFailed("The answer could not be completed."));
        } finally {
            MDC.remove("correlationId");
        }
    }

    /** The answer is complete: its edits are checked (and applied when asked), then stored. */
    private void finish(String answer, Usage used) {
        List<ProposedEdit> proposed = EditParser.parse(answer);
        var command = job.command();
        List<EditOutcome> outcomes = command.apply()
                ? edits.apply(command.projectId(), command.userId(), job.sessionId(), proposed)
                : edits.review(command.projectId(), proposed);
        for (EditOutcome outcome : outcomes) send(SseEmitter.event().name("edit").data(outcome, MediaType.APPLICATION_JSON));
        sessions.store(new AiSessions.Exchange(job.sessionId(), command.projectId(), command.userId(), job.prompt(), job.path(),
                answer, JSON.writeValueAsString(outcomes), used.inputTokens(), used.outputTokens()));
        record("complete", used);
        send(SseEmitter.event().name("done").data(Map.of("sessionId", job.sessionId(),
                "usage", Map.of("inputTokens", used.inputTokens(), "outputTokens", used.outputTokens())), MediaType.APPLICATION_JSON));
        emitter.complete();
    }

    private void fail(ProblemException problem) {
        send(SseEmitter.event().name("error").data(Map.of("problem", problem.toBody(correlationId)), MediaType.APPLICATION_JSON));
        emitter.complete();
    }

    private void record(String outcome, Usage used) {
        var c = job.command();
        usage.record(new AiUsage.Call(c.userId(), c.projectId(), job.sessionId(), job.provider(), job.model(),
                used.inputTokens(), used.outputTokens(), outcome));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (gone.get()) return;
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException closed) {
            hangUp();
        }
    }

    /** The browser went away: stop the provider's answer; nothing is applied. */
    private void hangUp() {
        if (gone.compareAndSet(false, true)) call.close();
    }
}
