package dev.vaporform.platform.events;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries module events whose listener failed. Spring Modulith keeps every publication in
 * PostgreSQL until its listener completes and marks one whose listener threw as failed; this job
 * hands failed ones to their listener again once they are {@code vaporform.events.resubmit-after}
 * old, a batch at a time. Publications still waiting in the delivery queue
 * ({@link ListenerExecution}) are not failed and are left alone: retrying everything incomplete
 * would deliver a long backlog (a burst of tens of thousands of file changes) twice. A delivery
 * that never finishes — its node died — is marked failed by Modulith's staleness check
 * ({@code spring.modulith.events.staleness.*}) and retried here; at start-up every node also
 * republishes what is outstanding. Listeners are idempotent, since a slow one may be handed its
 * event twice.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final ResubmissionOptions options;

    EventRetry(IncompleteEventPublications incomplete, Clock clock,
               @Value("${vaporform.events.resubmit-after:60s}") Duration olderThan) {
        this.incomplete = incomplete;
        // The filter repeats the minimum age: Spring Modulith 2.0.3's query for failed publications
        // reads "status = 'FAILED' or (…) and publication_date < ?", so the age applies to the
        // second alternative only and a failure would be retried at once.
        this.options = ResubmissionOptions.defaults().withMinAge(olderThan).withBatchSize(100).withMaxInFlight(100)
                .withFilter(publication -> publication.getPublicationDate().isBefore(clock.instant().minus(olderThan)));
    }

    @Scheduled(fixedDelayString = "${vaporform.events.resubmit-interval:30s}", initialDelayString = "${vaporform.events.resubmit-interval:30s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublications(options);
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications failed (retried later): {}", e.toString());
        }
    }
}
