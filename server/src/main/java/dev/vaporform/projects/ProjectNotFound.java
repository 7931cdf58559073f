package dev.vaporform.projects;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/**
 * No such project, or one the caller may not see. Deliberately one fixed body for both, so a
 * 404 never tells an outsider that a project exists.
 */
public class ProjectNotFound extends ProblemException {

    public ProjectNotFound() {
        super(HttpStatus.NOT_FOUND, "project-not-found", "Project not found",
                "There is no such project, or you are not a member of it.");
    }
}
