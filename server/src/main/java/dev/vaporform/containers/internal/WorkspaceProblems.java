package dev.vaporform.containers.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The containers module's refusals. */
public final class WorkspaceProblems {

    private WorkspaceProblems() {}

    /** Exec or a terminal needs a running workspace (409). */
    public static class NotRunning extends ProblemException {
        public NotRunning(String status) {
            super(HttpStatus.CONFLICT, "workspace-not-running", "Workspace not running",
                    "The workspace is " + status + ". Start it first.", Map.of("status", status));
        }
    }

    /** The user already runs as many workspaces as allowed (429). */
    public static class LimitReached extends ProblemException {
        public LimitReached(int limit) {
            super(HttpStatus.TOO_MANY_REQUESTS, "workspace-limit", "Too many running workspaces",
                    "You already run " + limit + " workspaces, the most allowed. Stop one first.", Map.of("limit", limit));
        }
    }

    /** The image a project asks for is not allowed or not present (422). */
    public static class ImageRefused extends ProblemException {
        public ImageRefused(String image, String why) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-image-refused", "Workspace image refused",
                    "The image '" + image + "' cannot be used: " + why, Map.of("image", image));
        }
    }

    /** devcontainer.json cannot be read (422). */
    public static class InvalidDevContainer extends ProblemException {
        public InvalidDevContainer(String file, String why) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-devcontainer", "Invalid devcontainer.json",
                    file + " is not valid: " + why, Map.of("file", file));
        }
    }

    /** The workspace could not be created or started (502: Docker refused). */
    public static class StartFailed extends ProblemException {
        public StartFailed(String why) {
            super(HttpStatus.BAD_GATEWAY, "workspace-start-failed", "Workspace did not start", why);
        }
    }
}
