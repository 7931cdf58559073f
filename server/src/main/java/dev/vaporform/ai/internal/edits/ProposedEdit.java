package dev.vaporform.ai.internal.edits;

/**
 * One search/replace edit as the model wrote it. An empty {@code search} creates a new file.
 *
 * @param path the path as written (not yet validated)
 */
public record ProposedEdit(String path, String search, String replace) {}
