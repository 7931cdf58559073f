package dev.vaporform.containers.internal;

import java.time.Duration;
import java.util.function.Function;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every control call to Docker goes through here: behind a circuit breaker, so a dead or
 * wedged engine costs callers a fast 503 instead of a pile of threads waiting on timeouts.
 * Docker's own "no such container" and "conflict" answers are results, not engine failures,
 * and do not count against the breaker.
 */
@Component
public class DockerEngine {

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);

    private final DockerClients clients;
    private final CircuitBreaker breaker;

    private final io.micrometer.observation.ObservationRegistry observations;

    DockerEngine(DockerClients clients, io.micrometer.observation.ObservationRegistry observations) {
        this.clients = clients;
        this.observations = observations;
        this.breaker = CircuitBreaker.of("docker", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .ignoreExceptions(DockerException.class) // 404/409/400 from a live engine
                .build());
    }

    /** Runs a control call; @throws EngineUnavailable when Docker cannot be reached or the breaker is open */
    public <T> T call(Function<DockerClient, T> action) {
        return call(action, true);
    }

    private <T> T call(Function<DockerClient, T> action, boolean logFailure) {
        try {
            // a span per Docker API call, under the request that made it
            return io.micrometer.observation.Observation.createNotStarted("vaporform.docker.call", observations)
                    .lowCardinalityKeyValue("docker.host", clients.host())
                    .observe(() -> breaker.executeSupplier(() -> action.apply(clients.control())));
        } catch (CallNotPermittedException open) {
            throw new EngineUnavailable(clients.host(), "it failed repeatedly just now");
        } catch (DockerException answered) {
            throw answered;
        } catch (RuntimeException unreachable) {
            if (logFailure) log.warn("Docker call failed: {}", unreachable.toString());
            throw new EngineUnavailable(clients.host(), rootMessage(unreachable));
        }
    }

    /** Same as {@link #call(Function)} for calls without a result. */
    public void run(java.util.function.Consumer<DockerClient> action) {
        call(client -> {
            action.accept(client);
            return null;
        });
    }

    /**
     * @return true when the engine answers a ping now. A "no" is an answer, not a failure to log:
     * readiness probes and the reconciler ask this every few seconds while Docker is down, and
     * they say so once themselves.
     */
    public boolean available() {
        try {
            call(client -> client.pingCmd().exec(), false);
            return true;
        } catch (EngineUnavailable e) {
            return false;
        }
    }

    /** @return the stream client, for long-lived attachments (not guarded: streams end on their own) */
    public DockerClient streams() {
        return clients.streams();
    }

    /** @return the breaker's state, for health and metrics */
    public String state() {
        return breaker.getState().name();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

}
