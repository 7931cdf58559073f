package dev.vaporform.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts open WebSockets per endpoint for the {@code vaporform_websocket_sessions} gauge
 * (tag {@code endpoint}: collab, events, terminal). Handlers call {@link #opened} when a socket
 * is established and {@link #closed} when it closes.
 */
@Component
public class OpenSockets {

    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    OpenSockets(MeterRegistry meters) {
        this.meters = meters;
    }

    public void opened(String endpoint) {
        count(endpoint).incrementAndGet();
    }

    public void closed(String endpoint) {
        count(endpoint).decrementAndGet();
    }

    /** @return sockets open now on this node for the endpoint */
    public int open(String endpoint) {
        return count(endpoint).get();
    }

    private AtomicInteger count(String endpoint) {
        return counts.computeIfAbsent(endpoint, e -> {
            var value = new AtomicInteger();
            Gauge.builder("vaporform.websocket.sessions", value, AtomicInteger::get)
                    .description("WebSockets open on this node").tag("endpoint", e).register(meters);
            return value;
        });
    }
}
