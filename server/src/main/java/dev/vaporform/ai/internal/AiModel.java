package dev.vaporform.ai.internal;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.DisposableBean;

/** The configured model, if any, and the timers its deadlines and heartbeats run on. */
final class AiModel implements DisposableBean {

    private final Optional<ResilientModel> model;
    private final ScheduledExecutorService timers;

    AiModel(Optional<ResilientModel> model, ScheduledExecutorService timers) {
        this.model = model;
        this.timers = timers;
    }

    /** @throws AiProblems.NotConfigured when there is no provider */
    ResilientModel require() {
        return model.orElseThrow(AiProblems.NotConfigured::new);
    }

    Optional<ResilientModel> configured() {
        return model;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
