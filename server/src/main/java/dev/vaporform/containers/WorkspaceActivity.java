package dev.vaporform.containers;

import java.util.UUID;

/**
 * Lets other modules say a project's workspace is in use (an open collaboration session, an AI
 * request), so the idle stop leaves it running.
 */
public interface WorkspaceActivity {

    /** Records activity now; cheap enough to call on every message. */
    void touch(UUID projectId);
}
