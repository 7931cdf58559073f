package dev.vaporform.containers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import dev.vaporform.containers.WorkspaceActivity;

/**
 * Activity (terminal input and output, exec, open collaboration sessions) keeps a workspace
 * alive ({@link WorkspaceIdleStop}). It is written to the database at most every 15 s per
 * project, so a busy terminal does not write per keystroke.
 */
@Component
class ActivityTracker implements WorkspaceActivity {

    private static final Duration WRITE_EVERY = Duration.ofSeconds(15);

    private final WorkspaceRows rows;
    private final Clock clock;
    private final Cache<UUID, Instant> lastWritten = Caffeine.newBuilder().expireAfterWrite(WRITE_EVERY).build();

    ActivityTracker(WorkspaceRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void touch(UUID projectId) {
        if (lastWritten.asMap().putIfAbsent(projectId, clock.instant()) == null) rows.touch(projectId, clock.instant());
    }
}
