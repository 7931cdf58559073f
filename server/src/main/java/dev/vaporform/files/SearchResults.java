package dev.vaporform.files;

import java.util.List;

/**
 * The answer to a {@link SearchQuery}: every hit is a line that really matches (checked against
 * the file's current content), ordered by path then line.
 *
 * @param hits      the matching lines, at most the query's limit
 * @param total     how many matching lines were found (equals {@code hits.size()})
 * @param truncated true when the search stopped at the limit and more lines may match
 */
public record SearchResults(List<SearchHit> hits, int total, boolean truncated) {}
