package dev.vaporform.files.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import dev.vaporform.files.InvalidSearch;
import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.files.SearchResults;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectRoots;

/**
 * "Find in files": the trigram index names the files that could match, then each candidate's
 * current content is checked line by line, until the limit is reached. Candidates are checked
 * in consecutive slices on a small pool, a few slices ahead of the one being collected; the
 * slices' hits are joined in path order, so the answer is the same as checking one file after
 * the other, and slices still running once the limit is reached are abandoned.
 */
@Component
public class ProjectSearch {

    private static final int SLICE = 8, SLICES_AHEAD_PER_THREAD = 2;

    private final ProjectIndexes indexes;
    private final ProjectRoots roots;
    private final FilesProperties properties;
    private final int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    private final ExecutorService pool = Executors.newFixedThreadPool(threads,
            Thread.ofPlatform().name("files-search-", 0).daemon().factory());

    public ProjectSearch(ProjectIndexes indexes, ProjectRoots roots, FilesProperties properties) {
        this.indexes = indexes;
        this.roots = roots;
        this.properties = properties;
    }

    /** @throws InvalidSearch for an empty, over-long or invalid query, or a limit out of range */
    public SearchResults search(UUID projectId, SearchQuery query) {
        if (query.limit() < 1 || query.limit() > properties.searchMaxLimit()) {
            throw new InvalidSearch("limit must be between 1 and " + properties.searchMaxLimit() + ".");
        }
        LineMatcher matcher = LineMatcher.of(query);
        List<String> candidates = indexes.of(projectId).candidates(Trigrams.ofAll(matcher.requiredFragments()));
        long deadline = System.nanoTime() + properties.searchTimeout().toNanos();
        int max = query.limit() + 1;
        List<SearchHit> hits = new ArrayList<>();
        boolean timedOut;
        try (var files = new SearchedFiles(roots.open(projectId), properties.indexMaxFileSize().toBytes())) {
            timedOut = collect(candidates, path -> checkFile(files, matcher, path, deadline, max), hits, max, deadline);
        }
        boolean truncated = timedOut || hits.size() > query.limit();
        List<SearchHit> shown = hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
        return new SearchResults(shown, shown.size(), truncated);
    }

    private record Checked(List<SearchHit> hits, boolean timedOut) {}

    private interface FileCheck {
        List<SearchHit> check(String path);
    }

    private static List<SearchHit> checkFile(SearchedFiles files, LineMatcher matcher, String path, long deadline, int max) {
        byte[] content = files.read(path);
        if (content == null) return List.of();
        List<SearchHit> hits = new ArrayList<>();
        matcher.find(path, content, deadline, max, hits);
        return hits;
    }

    /** @return whether the deadline passed before every candidate was checked (or the limit reached) */
    private boolean collect(List<String> candidates, FileCheck check, List<SearchHit> hits, int max, long deadline) {
        AtomicBoolean abandoned = new AtomicBoolean();
        Deque<Future<Checked>> running = new ArrayDeque<>();
        int next = 0;
        try {
            while (hits.size() < max) {
                for (; running.size() < threads * SLICES_AHEAD_PER_THREAD && next < candidates.size(); next += SLICE) {
                    List<String> slice = candidates.subList(next, Math.min(candidates.size(), next + SLICE));
                    running.add(pool.submit(() -> checkSlice(slice, check, max, deadline, abandoned)));
                }
                if (running.isEmpty()) return false;
                Checked checked = await(running.poll(), deadline);
                hits.addAll(checked.hits());
                if (checked.timedOut()) return true;
            }
            return false;
        } finally {
            abandoned.set(true);
            running.forEach(f -> f.cancel(false));
        }
    }

    private static Checked checkSlice(List<String> slice, FileCheck check, int max, long deadline, AtomicBoolean abandoned) {
        List<SearchHit> hits = new ArrayList<>();
        for (String path : slice) {
            if (abandoned.get() || hits.size() >= max) break;
            if (System.nanoTime() - deadline > 0) return new Checked(hits, true);
            for (SearchHit hit : check.check(path)) {
                if (hits.size() < max) hits.add(hit);
            }
        }
        return new Checked(hits, false);
    }

    private static Checked await(Future<Checked> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime; // InvalidSearch from a regex past the deadline
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return new Checked(List.of(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Checked(List.of(), true);
        }
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
