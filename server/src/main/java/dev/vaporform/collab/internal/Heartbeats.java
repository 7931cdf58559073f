package dev.vaporform.collab.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Notices sockets whose client went silently away (a network that dropped without closing the
 * connection): every {@code ping-interval} each watched socket gets a WebSocket ping, which the
 * browser answers by itself, and one that has sent nothing, not even a pong, for
 * {@code idle-timeout} is closed ({@code 1001 no-reply}). Closing runs the handler's usual
 * clean-up, so the person's cursors and their place among the participants go away for the others.
 */
@Component
public class Heartbeats {

    /** A watched socket: its outbox and when it was last heard from. */
    public final class Beat {
        private final SocketOutbox outbox;
        private volatile long heardAt;

        private Beat(SocketOutbox outbox) {
            this.outbox = outbox;
            this.heardAt = clock.millis();
        }

        /** The client sent something (a frame or a pong). */
        public void heard() {
            heardAt = clock.millis();
        }

        /** The socket closed: stop watching it. */
        public void stop() {
            beats.remove(this);
        }
    }

    private final Map<Beat, Boolean> beats = new ConcurrentHashMap<>();
    private final CollabProperties properties;
    private final Clock clock;

    Heartbeats(CollabProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the handle through which the socket's handler reports what it hears */
    public Beat watch(SocketOutbox outbox) {
        Beat beat = new Beat(outbox);
        beats.put(beat, Boolean.TRUE);
        return beat;
    }

    @Scheduled(fixedDelayString = "${vaporform.collab.ping-interval:5s}", initialDelayString = "${vaporform.collab.ping-interval:5s}")
    void beat() {
        long silentSince = clock.millis() - properties.idleTimeout().toMillis();
        for (Beat beat : beats.keySet()) {
            if (!beat.outbox.isOpen()) {
                beats.remove(beat);
            } else if (beat.heardAt < silentSince) {
                beats.remove(beat);
                beat.outbox.close(CloseStatus.GOING_AWAY.withReason("no-reply"));
            } else {
                beat.outbox.ping();
            }
        }
    }
}
