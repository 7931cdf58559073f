package dev.vaporform.ai.internal.context;

import java.util.List;
import java.util.UUID;

import dev.vaporform.ai.internal.provider.ModelRequest;

/**
 * What a generation is about.
 *
 * @param path      the open file, canonical, or null
 * @param selection the selected range in the open file, in code points, or null
 * @param history   earlier turns of the conversation, oldest first
 */
public record ContextRequest(UUID projectId, String prompt, String path, Selection selection, List<ModelRequest.Turn> history) {

    /** A range {@code [from, to)} in code points, as ShareDB's text type counts. */
    public record Selection(int from, int to) {}
}
