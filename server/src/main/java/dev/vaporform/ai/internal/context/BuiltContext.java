package dev.vaporform.ai.internal.context;

import java.util.List;

import dev.vaporform.ai.internal.provider.ModelRequest;

/**
 * The request to send, and what went into it (for logs and tests).
 *
 * @param openFileWithheld the open file is a secret: its content was not sent
 * @param snippetPaths     files that snippets were taken from, in the order sent
 * @param estimatedTokens  the estimate of the whole request
 */
public record BuiltContext(ModelRequest request, boolean openFileWithheld, List<String> snippetPaths, int estimatedTokens) {}
