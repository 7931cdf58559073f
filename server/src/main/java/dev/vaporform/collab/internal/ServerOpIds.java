package dev.vaporform.collab.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The {@code (src, seq)} of ops the server makes itself (disk changes): src {@code vaporform},
 * seq unique on this node and across restarts (it starts from the clock), so resend dedup never
 * mistakes one server op for another.
 */
@Component
class ServerOpIds {

    /** Per node, so two nodes' server ops never share a (src, seq). */
    final String src = "vaporform-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);

    long next() {
        return seq.incrementAndGet();
    }
}
