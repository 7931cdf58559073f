package dev.vaporform.projects.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.vaporform.projects.ProjectUpdates;

/**
 * Moves a project's updated time forward when its files change. A busy project changes many
 * times a second (every live document's write-back), so each node remembers the projects it
 * touched within the resolution (a minute) and skips them, and the update itself skips a time
 * already that recent (another node's). It runs in a transaction of its own: the caller's may have committed.
 */
@Component
class ProjectUpdatedTimes implements ProjectUpdates {

    private static final Logger log = LoggerFactory.getLogger(ProjectUpdatedTimes.class);

    private final ProjectRows rows;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Duration resolution;
    private final Cache<UUID, Boolean> touchedRecently;

    ProjectUpdatedTimes(ProjectRows rows, Clock clock, PlatformTransactionManager transactions, ProjectsProperties properties) {
        this.rows = rows;
        this.clock = clock;
        this.resolution = properties.updatedTimeResolution();
        this.touchedRecently = Caffeine.newBuilder().expireAfterWrite(resolution).maximumSize(100_000).build();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void contentChanged(UUID projectId) {
        if (touchedRecently.asMap().putIfAbsent(projectId, Boolean.TRUE) != null) return;
        Instant now = clock.instant();
        try {
            ownTransaction.executeWithoutResult(status -> rows.touch(projectId, now, now.minus(resolution)));
        } catch (RuntimeException e) {
            // The change itself stands: an older time in the list is no reason to fail it. The next change tries again.
            touchedRecently.invalidate(projectId);
            log.warn("Could not move project {}'s updated time forward", projectId, e);
        }
    }
}
