package dev.vaporform.projects;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A member whose role is too low for the action (403); says which role is needed. */
public class ProjectAccessDenied extends ProblemException {

    public ProjectAccessDenied(ProjectRole actual, ProjectRole needed) {
        super(HttpStatus.FORBIDDEN, "project-role-too-low", "Not allowed on this project",
                "Your role on this project is " + actual + "; this needs " + needed + " or higher.",
                Map.of("role", actual.name(), "requiredRole", needed.name()));
    }
}
