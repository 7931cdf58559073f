package dev.vaporform.projects;

/** A member's role on a project, lowest to highest. */
public enum ProjectRole {
    /** reads files, watches live sessions */
    viewer,
    /** also writes files, edits live, uses the workspace and the AI */
    collaborator,
    /** also manages members and deletes the project */
    owner;

    /** @return whether this role grants at least what {@code minimum} grants */
    public boolean atLeast(ProjectRole minimum) {
        return compareTo(minimum) >= 0;
    }
}
