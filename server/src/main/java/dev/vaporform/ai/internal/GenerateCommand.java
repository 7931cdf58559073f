package dev.vaporform.ai.internal;

import java.util.UUID;

import dev.vaporform.ai.internal.context.ContextRequest;

/**
 * A request for an answer, as the API takes it.
 *
 * @param path      the open file, or null
 * @param selection the selection in the open file, in code points, or null
 * @param sessionId the conversation to continue, or null for a new one
 * @param apply     whether valid edits are applied (otherwise only proposed)
 */
public record GenerateCommand(UUID projectId, UUID userId, String prompt, String path,
                              ContextRequest.Selection selection, UUID sessionId, boolean apply) {}
