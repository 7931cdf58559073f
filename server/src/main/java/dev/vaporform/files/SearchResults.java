package dev.vaporform.files;

import java.util.List;

/**
 * The answer to a {@link SearchQuery}: every hit is a line that really matches (checked against
 * the file's current content), ordered by path then line.
 *
 * @param hits      the matching lines, at most the query's limit
 * @param total     how many matching lines were found (equals {@code hits.size()})
 * @param truncated true when the search stopped at the limit or its time budget and more lines may match
 * @param timedOut  true when the time budget ran out before every candidate was checked
 *                  ({@code truncated} is then true as well)
 */
public record SearchResults(List<SearchHit> hits, int total, boolean truncated, boolean timedOut) {}
