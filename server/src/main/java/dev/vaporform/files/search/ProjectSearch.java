package dev.vaporform.files.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.files.InvalidSearch;
import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.files.SearchResults;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.storage.ProjectRoots;

/**
 * "Find in files": the trigram index names the files that could match, then each candidate's
 * current content is checked line by line, in path order, until the limit is reached. A file
 * is read only if it is a regular file whose real path is inside the project root.
 */
@Component
public class ProjectSearch {

    private final ProjectIndexes indexes;
    private final ProjectRoots roots;
    private final FilesProperties properties;

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
        Path root = roots.realRoot(projectId);
        long deadline = System.nanoTime() + properties.searchTimeout().toNanos();
        List<SearchHit> hits = new ArrayList<>();
        boolean timedOut = false;
        for (String path : candidates) {
            if (hits.size() > query.limit()) break;
            if (System.nanoTime() - deadline > 0) { timedOut = true; break; }
            Optional<byte[]> text = readText(root, path);
            if (text.isEmpty()) continue;
            matcher.find(path, text.get(), deadline, query.limit() + 1, hits);
        }
        boolean truncated = timedOut || hits.size() > query.limit();
        List<SearchHit> shown = hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
        return new SearchResults(shown, shown.size(), truncated);
    }

    /** @return the file's bytes when it is a text file inside the root, small enough to be indexed */
    private Optional<byte[]> readText(Path root, String path) {
        Path file = root.resolve(path);
        Optional<BasicFileAttributes> attrs = ProjectRoots.attributes(file);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() > properties.indexMaxFileSize().toBytes()) {
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(root)) return Optional.empty(); // a parent was swapped for a link
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] content = in.readAllBytes();
                return IndexedText.isText(content) ? Optional.of(content) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // gone or replaced meanwhile: it is simply not a hit
        }
    }
}
