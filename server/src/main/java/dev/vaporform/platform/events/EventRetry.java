package dev.vaporform.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries module events whose listener failed. Spring Modulith keeps every publication in
 * PostgreSQL until its listener completes; one that threw stays incomplete, and this job hands
 * it to its listener again once it is {@code vaporform.events.resubmit-after} old (at start-up
 * every node also republishes what is outstanding). Listeners are idempotent, since a slow one
 * may be handed its event twice.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRetry(IncompleteEventPublications incomplete, @Value("${vaporform.events.resubmit-after:60s}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${vaporform.events.resubmit-interval:30s}", initialDelayString = "${vaporform.events.resubmit-interval:30s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed (retried later): {}", e.toString());
        }
    }
}
