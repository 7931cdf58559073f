package dev.vaporform.ai.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.vaporform.ai.internal.provider.ModelProvider;
import dev.vaporform.ai.internal.provider.ModelRequest;
import dev.vaporform.ai.internal.provider.ModelStream;
import dev.vaporform.ai.internal.provider.ProviderFailure;
import dev.vaporform.ai.internal.provider.Usage;

/**
 * A provider behind the failure handling the product promises: a call the provider refused for
 * load (429, 529) is retried with exponential backoff and jitter, waiting its {@code retry-after}
 * when it sent one (and giving up at once when that is longer than we wait); a spend limit or any
 * other refusal is never retried. A circuit breaker counts failures of the provider itself
 * (5xx, broken streams, timeouts) and, once open, refuses at once. Deadlines for the first token
 * and the whole answer close the stream, which cancels the upstream call.
 */
final class ResilientModel {

    private final ModelProvider provider;
    private final AiProperties properties;
    private final ScheduledExecutorService timers;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ResilientModel(ModelProvider provider, AiProperties properties, ScheduledExecutorService timers) {
        this.provider = provider;
        this.properties = properties;
        this.timers = timers;
        var b = properties.breaker();
        this.breaker = CircuitBreaker.of("ai-" + provider.name(), CircuitBreakerConfig.custom()
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRate())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof ProviderFailure f && f.providerFault())
                // refusals (429, a spend limit, a bad key) say nothing about the provider's health
                .ignoreException(e -> e instanceof ProviderFailure f && !f.providerFault())
                .build());
        var r = properties.retry();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(r.initialBackoff(), 2.0, 0.5, r.maxWait());
        this.retry = Retry.of("ai-" + provider.name(), RetryConfig.<ModelStream>custom()
                .maxAttempts(r.maxAttempts())
                .retryOnException(e -> e instanceof ProviderFailure f && f.retryable()
                        && f.retryAfter().map(wait -> wait.compareTo(r.maxWait()) <= 0).orElse(true))
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof ProviderFailure f
                        ? f.retryAfter().map(Duration::toMillis).orElseGet(() -> backoff.apply(attempt))
                        : backoff.apply(attempt))
                .failAfterMaxAttempts(false)
                .build());
    }

    String providerName() { return provider.name(); }
    String model() { return provider.model(); }
    CircuitBreaker.State state() { return breaker.getState(); }

    /**
     * Opens the answer (retrying as described) and returns it, guarded by the deadlines.
     *
     * @throws ProviderFailure           when the provider refused or failed for good
     * @throws CallNotPermittedException when the breaker is open
     */
    Call open(ModelRequest request) {
        ModelStream stream = retry.executeSupplier(() -> attempt(request));
        return new Call(stream, breaker.getCurrentTimestamp());
    }

    private ModelStream attempt(ModelRequest request) {
        breaker.acquirePermission();
        long start = breaker.getCurrentTimestamp();
        try {
            return provider.open(request);
        } catch (ProviderFailure e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw e;
        } catch (RuntimeException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw new ProviderFailure(ProviderFailure.Kind.FAILED, 0, "The AI provider failed: " + e.getMessage(), null, e);
        }
    }

    /** One answer being read; closing it (from any thread) cancels the upstream call. */
    final class Call implements AutoCloseable {

        private final ModelStream stream;
        private final long start;
        private final AtomicBoolean firstToken = new AtomicBoolean();
        private final AtomicReference<String> timedOut = new AtomicReference<>();

        Call(ModelStream stream, long start) {
            this.stream = stream;
            this.start = start;
        }

        /**
         * @return the tokens used
         * @throws ProviderFailure also of kind {@code TIMEOUT} when a deadline closed the stream
         */
        Usage read(Consumer<String> text) {
            ScheduledFuture<?> first = timers.schedule(() -> {
                if (!firstToken.get()) expire("No answer from the AI provider within " + seconds(properties.firstTokenTimeout()) + ".");
            }, properties.firstTokenTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ScheduledFuture<?> whole = timers.schedule(() -> expire("The AI answer took longer than " + seconds(properties.totalTimeout()) + "."),
                    properties.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                Usage usage = stream.read(piece -> {
                    firstToken.set(true);
                    text.accept(piece);
                });
                if (timedOut.get() != null) throw timeout(null);
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                return usage;
            } catch (ProviderFailure e) {
                ProviderFailure failure = timedOut.get() != null ? timeout(e) : e;
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
                throw failure;
            } finally {
                first.cancel(false);
                whole.cancel(false);
            }
        }

        Usage usageSoFar() {
            return stream.usageSoFar();
        }

        private void expire(String why) {
            if (timedOut.compareAndSet(null, why)) stream.close();
        }

        private ProviderFailure timeout(Throwable cause) {
            return new ProviderFailure(ProviderFailure.Kind.TIMEOUT, 0, timedOut.get(), null, cause);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
