package dev.vaporform.platform.events;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the module event listeners ({@code @ApplicationModuleListener}, our only {@code @Async}
 * methods) on a fixed number of virtual threads and queues the rest. Each delivery takes up to
 * three transactions (Spring Modulith marks the publication processing, the listener's own, then
 * completed). With a thread per event, a burst of events (a workspace unpacking 6,000 files)
 * started 6,000 deliveries at once: they held every pooled connection, 2,535 of them failed after
 * waiting 5 s for one (to be retried a minute later), and user requests waited with them. Bounded,
 * the same burst is delivered in order of arrival while the rest of the pool stays free.
 * <p>
 * A queued delivery is only a hand-off of a publication already stored in PostgreSQL: deliveries
 * still queued when the server stops are republished at the next start.
 */
@Component
class ListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecution(@Value("${vaporform.events.listener-concurrency:4}") int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("vaporform.events.listener-concurrency must be at least 1, not " + concurrency);
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("module-events-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
