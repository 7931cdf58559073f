package dev.vaporform.projects;

import java.util.UUID;

/**
 * Keeps a project's "updated" time (what its list shows and sorts by) current with changes that
 * other modules own: a file written, moved or deleted, through the API or inside the workspace.
 */
public interface ProjectUpdates {

    /**
     * The project's content changed just now. Cheap enough for every change: the time is
     * written at most once a minute per project (as configured), so the list, which shows
     * minutes, is at most that much behind.
     */
    void contentChanged(UUID projectId);
}
