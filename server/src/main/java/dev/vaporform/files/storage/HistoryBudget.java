package dev.vaporform.files.storage;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.vaporform.files.HistoryQuotaExceeded;
import dev.vaporform.files.storage.FileVersions.Prunable;

/**
 * Keeps a project's stored versions within {@code max-history-size}. Before new content is
 * stored, old versions are pruned until it fits: first those beyond each file's newest
 * {@code history-keep-versions}, then older ones, oldest first; never a version younger than
 * {@code history-keep-age}. A pruned version stays listed (marked pruned); its blob goes once no
 * kept version of the project has the same content (blobs are per project, shared only by equal
 * contents). Callers hold the project's lock.
 */
@Component
public class HistoryBudget {

    private static final Logger log = LoggerFactory.getLogger(HistoryBudget.class);

    private final FileVersions versions;
    private final Blobs blobs;
    private final FilesProperties properties;
    private final Clock clock;

    public HistoryBudget(FileVersions versions, Blobs blobs, FilesProperties properties, Clock clock) {
        this.versions = versions;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Makes room for versions with these contents (sha256 → size), refusing when only recent
     * history could be pruned for them.
     *
     * @throws HistoryQuotaExceeded when the contents do not fit even after pruning
     */
    public void makeRoom(UUID projectId, Map<String, Long> contents) {
        long missing = prune(projectId, contents);
        if (missing <= 0) return;
        long max = properties.maxHistorySize().toBytes();
        throw new HistoryQuotaExceeded("The project's file history would hold more than " + max + " bytes (max-history-size), "
                + "and every version that may be pruned is: versions younger than " + properties.historyKeepAge()
                + " are kept. Nothing was written.", Map.of("limit", "max-history-size", "max", max));
    }

    /** As {@link #makeRoom}, but never refuses: for content found on disk, which must get a version to be served. */
    public void makeRoomIfPossible(UUID projectId, Map<String, Long> contents) {
        prune(projectId, contents);
    }

    /** @return how many bytes are still over the budget after pruning what may be pruned */
    private long prune(UUID projectId, Map<String, Long> contents) {
        long adding = newBytes(projectId, contents);
        long over = versions.keptBytes(projectId) + adding - properties.maxHistorySize().toBytes();
        if (adding == 0 || over <= 0) return over;
        int pruned = 0;
        for (Prunable candidate : versions.prunable(projectId, clock.instant().minus(properties.historyKeepAge()),
                properties.historyKeepVersions())) {
            if (over <= 0) break;
            versions.markPruned(projectId, candidate.path(), candidate.version());
            pruned++;
            if (!versions.keeps(projectId, candidate.sha256())) {
                blobs.delete(projectId, candidate.sha256());
                over -= candidate.size();
            }
        }
        if (pruned > 0) log.info("Pruned {} old file versions of project {} to keep its history within max-history-size", pruned, projectId);
        return over;
    }

    private long newBytes(UUID projectId, Map<String, Long> contents) {
        return contents.entrySet().stream().filter(c -> !versions.keeps(projectId, c.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** @return the single content of one version, as {@link #makeRoom} takes it */
    public static Map<String, Long> content(String sha256, long size) {
        return Map.of(sha256, size);
    }

    /** @return the distinct contents of many versions */
    public static Map<String, Long> contents(Collection<FileVersions.NewVersion> recorded) {
        Map<String, Long> contents = new java.util.HashMap<>();
        recorded.forEach(v -> contents.put(v.sha256(), v.size()));
        return contents;
    }
}
