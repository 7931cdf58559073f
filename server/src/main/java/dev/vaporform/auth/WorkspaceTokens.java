package dev.vaporform.auth;

import java.util.UUID;

/**
 * Tokens injected into a workspace ({@code VAPORFORM_TOKEN}) so tools inside it can call the
 * API as the user who started it, for that one project only, and only while it runs.
 */
public interface WorkspaceTokens {

    /** @return a new secret for the project's workspace, replacing any earlier one */
    String issue(UUID userId, UUID projectId);

    /** Makes the project's token work (the workspace runs). */
    void resume(UUID projectId);

    /** Makes the project's token stop working (the workspace stopped) without changing it. */
    void suspend(UUID projectId);

    /** Deletes the project's token (the workspace was removed). */
    void revoke(UUID projectId);
}
