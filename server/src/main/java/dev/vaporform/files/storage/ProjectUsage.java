package dev.vaporform.files.storage;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.vaporform.files.ProjectOverQuota;
import dev.vaporform.files.ProjectQuotaExceeded;
import dev.vaporform.files.TooManyFiles;

/**
 * How many bytes and files each project holds, for the quota checks. Counted by walking the tree
 * when first needed, then adjusted by API writes and recounted after changes seen on disk, which
 * no check could refuse (a workspace writes to the tree directly): those are measured instead,
 * see {@link #overQuota}. Callers hold the project's lock.
 */
@Component
public class ProjectUsage {

    /** Bytes and regular files in a project. */
    public record Usage(long bytes, long files) {}

    private final ProjectRoots roots;
    private final FilesProperties properties;
    private final Map<UUID, Usage> counted = new ConcurrentHashMap<>();

    public ProjectUsage(ProjectRoots roots, FilesProperties properties) {
        this.roots = roots;
        this.properties = properties;
    }

    /** @return the project's current usage */
    public Usage of(UUID projectId) {
        return counted.computeIfAbsent(projectId, this::count);
    }

    /**
     * Checks that the project can take a change of {@code bytes} and {@code files}.
     *
     * @throws ProjectQuotaExceeded over {@code max-project-size}
     * @throws TooManyFiles         over {@code max-files}
     */
    public void check(UUID projectId, long bytes, long files) {
        Usage usage = of(projectId);
        long maxBytes = properties.maxProjectSize().toBytes();
        if (bytes > 0 && usage.bytes() + bytes > maxBytes) {
            throw new ProjectQuotaExceeded("The project would hold " + (usage.bytes() + bytes) + " bytes, over the limit of "
                    + maxBytes + " (max-project-size).", Map.of("limit", "max-project-size", "max", maxBytes));
        }
        if (files > 0 && usage.files() + files > properties.maxFiles()) {
            throw new TooManyFiles("The project would hold " + (usage.files() + files) + " files, over the limit of "
                    + properties.maxFiles() + " (max-files).", Map.of("limit", "max-files", "max", properties.maxFiles()));
        }
    }

    /** @return what the project exceeds now, if anything: the state changes on disk can leave it in */
    public Optional<ProjectOverQuota> overQuota(UUID projectId) {
        Usage usage = of(projectId);
        long maxBytes = properties.maxProjectSize().toBytes();
        if (usage.bytes() > maxBytes) return Optional.of(new ProjectOverQuota(projectId, "max-project-size", usage.bytes(), maxBytes));
        if (usage.files() > properties.maxFiles()) {
            return Optional.of(new ProjectOverQuota(projectId, "max-files", usage.files(), properties.maxFiles()));
        }
        return Optional.empty();
    }

    /** Adds a change made through the API. */
    public void adjust(UUID projectId, long bytes, long files) {
        counted.computeIfPresent(projectId, (id, u) -> new Usage(u.bytes() + bytes, u.files() + files));
    }

    /** Forgets the count, so the next check walks the tree again. */
    public void invalidate(UUID projectId) {
        counted.remove(projectId);
    }

    private Usage count(UUID projectId) {
        long[] totals = new long[2];
        try (OpenDirectory root = roots.open(projectId)) {
            TreeWalk.walk(root, (path, attrs, parent, name) -> {
                if (!attrs.isRegularFile()) return;
                totals[0] += attrs.size();
                totals[1]++;
            });
        }
        return new Usage(totals[0], totals[1]);
    }
}
