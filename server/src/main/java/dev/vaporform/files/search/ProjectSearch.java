package dev.vaporform.files.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import dev.vaporform.files.InvalidSearch;
import dev.vaporform.files.SearchBusy;
import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.files.SearchResults;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;

/**
 * "Find in files": the trigram index names the files that could match, then each candidate's
 * current content is checked line by line, until the limit is reached. Candidates are checked
 * in consecutive slices on a small pool, a few slices ahead of the one being collected; the
 * slices' hits are joined in path order, so the answer is the same as checking one file after
 * the other, and slices still running once the limit is reached are abandoned (interrupted,
 * which a regular expression notices while matching).
 * <p>
 * The pool is shared by every project, so a user's searches are admitted within per-user
 * limits ({@link SearchAdmission}) and each user's slices may hold only part of the pool
 * ({@link SlicePool}): one user's slow searches cannot delay or cut short another's.
 */
@Component
public class ProjectSearch {

    private static final int SLICE = 8, SLICES_AHEAD_PER_THREAD = 2;

    private final ProjectIndexes indexes;
    private final ProjectRoots roots;
    private final FilesProperties properties;
    private final SearchAdmission admission;
    private final SlicePool slices = new SlicePool(Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4));

    public ProjectSearch(ProjectIndexes indexes, ProjectRoots roots, FilesProperties properties, RateLimiter limiter) {
        this.indexes = indexes;
        this.roots = roots;
        this.properties = properties;
        this.admission = new SearchAdmission(limiter, properties);
    }

    /**
     * A user's search, within their limits, sharing the pool fairly with other users.
     *
     * @throws InvalidSearch    for an empty, over-long or invalid query, or a limit out of range
     * @throws SearchBusy       when the user already has the most searches running
     * @throws TooManyRequests  when the user started too many searches this minute
     */
    public SearchResults search(UUID userId, UUID projectId, SearchQuery query) {
        LineMatcher matcher = validated(query);
        try (var admitted = admission.admit(userId)) {
            return run("user:" + userId, projectId, query, matcher);
        }
    }

    /**
     * A search the platform makes itself (context for the AI): not admitted per user, but its
     * slices share the pool fairly under the project's name.
     *
     * @throws InvalidSearch for an empty, over-long or invalid query, or a limit out of range
     */
    public SearchResults search(UUID projectId, SearchQuery query) {
        return run("project:" + projectId, projectId, query, validated(query));
    }

    private LineMatcher validated(SearchQuery query) {
        if (query.limit() < 1 || query.limit() > properties.searchMaxLimit()) {
            throw new InvalidSearch("limit must be between 1 and " + properties.searchMaxLimit() + ".");
        }
        return LineMatcher.of(query);
    }

    private SearchResults run(String key, UUID projectId, SearchQuery query, LineMatcher matcher) {
        List<String> candidates = indexes.of(projectId).candidates(Trigrams.ofAll(matcher.requiredFragments()));
        long deadline = System.nanoTime() + properties.searchTimeout().toNanos();
        int max = query.limit() + 1;
        List<SearchHit> hits = new ArrayList<>();
        boolean timedOut;
        try (var files = new SearchedFiles(roots.open(projectId), properties.indexMaxFileSize().toBytes())) {
            timedOut = collect(key, candidates, path -> checkFile(files, matcher, path, deadline, max), hits, max, deadline);
        }
        boolean truncated = timedOut || hits.size() > query.limit();
        List<SearchHit> shown = hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
        return new SearchResults(shown, shown.size(), truncated, timedOut);
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
    private boolean collect(String key, List<String> candidates, FileCheck check, List<SearchHit> hits, int max, long deadline) {
        AtomicBoolean abandoned = new AtomicBoolean();
        Function<List<String>, Callable<Checked>> slice = files -> () -> checkSlice(files, check, max, deadline, abandoned);
        Deque<Future<Checked>> running = new ArrayDeque<>();
        int next = 0;
        try {
            while (hits.size() < max) {
                next = submitAhead(key, candidates, next, running, slice, deadline);
                if (running.isEmpty()) return next < candidates.size(); // candidates left: the wait for a share outlasted the budget
                Checked checked = await(running.poll(), deadline);
                hits.addAll(checked.hits());
                if (checked.timedOut()) return true;
            }
            return false;
        } finally {
            abandoned.set(true);
            running.forEach(f -> f.cancel(true)); // a long regex match gives its thread back now
        }
    }

    /** Submits slices up to the look-ahead and the key's share of the pool; @return the next candidate not submitted */
    private int submitAhead(String key, List<String> candidates, int next, Deque<Future<Checked>> running,
                            Function<List<String>, Callable<Checked>> slice, long deadline) {
        while (running.size() < slices.threads() * SLICES_AHEAD_PER_THREAD && next < candidates.size()) {
            Callable<Checked> work = slice.apply(candidates.subList(next, Math.min(candidates.size(), next + SLICE)));
            // With nothing of its own under way the search waits (within its budget) for the share
            // the user's other searches hold; otherwise it collects what it has first.
            Future<Checked> submitted = running.isEmpty() ? slices.submit(key, work, deadline) : slices.trySubmit(key, work);
            if (submitted == null) break;
            running.add(submitted);
            next += SLICE;
        }
        return next;
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
        slices.shutdown();
    }
}
