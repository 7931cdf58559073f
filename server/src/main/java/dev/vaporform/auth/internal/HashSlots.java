package dev.vaporform.auth.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.ConcurrencyLimit;
import dev.vaporform.platform.ServiceBusy;

/**
 * Bounds how many password hashes this node runs at once. Each argon2 run holds 19 MiB and a
 * core for a fifth of a second or more; unbounded, a burst of sign-ups or sign-ins takes every
 * core (and, with enough cores, the heap) from all other requests. A request waits briefly for
 * a slot and is then answered 503 {@code auth-busy}, never queued without end.
 */
@Component
class HashSlots {

    private static final Logger log = LoggerFactory.getLogger(HashSlots.class);
    /** What one argon2 run with m=19456 KiB allocates, with some room for the rest of the request. */
    static final long BYTES_PER_HASH = 20L * 1024 * 1024;

    private final ConcurrencyLimit slots;
    private final Duration wait;

    HashSlots(AuthProperties properties) {
        int size = properties.maxConcurrentHashes() > 0 ? properties.maxConcurrentHashes()
                : automaticSize(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        this.slots = new ConcurrencyLimit(size, Integer.MAX_VALUE);
        this.wait = properties.hashWait();
        log.info("Password hashing: at most {} at a time", size);
    }

    /** As many as there are cores (more would only queue for the CPU), within a quarter of the heap. */
    static int automaticSize(int cores, long maxHeapBytes) {
        return (int) Math.max(1, Math.min(cores, maxHeapBytes / 4 / BYTES_PER_HASH));
    }

    /** @throws ServiceBusy when no slot frees up within the configured wait */
    <T> T run(Supplier<T> hashing) {
        try (ConcurrencyLimit.Slot slot = slots.acquire("hash", wait, IllegalStateException::new, HashSlots::busy)) {
            return hashing.get();
        }
    }

    private static ServiceBusy busy() {
        log.warn("Password hashing busy: request refused");
        return new ServiceBusy("auth-busy", "Sign-in service busy",
                "Too many sign-ins and sign-ups are being processed right now. Try again in a moment.", Duration.ofSeconds(1));
    }
}
