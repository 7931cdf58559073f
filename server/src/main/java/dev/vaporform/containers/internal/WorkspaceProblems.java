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

    /**
     * The image a project asks for may not be used here (422): not a valid reference, outside the
     * allowed prefixes, or missing on the Docker host and not from a registry this installation
     * pulls from. Decided before Docker is asked to pull anything.
     */
    public static class ImageNotAllowed extends ProblemException {
        public ImageNotAllowed(String image, String why) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "image-not-allowed", "Workspace image not allowed",
                    "The image '" + image + "' may not be used: " + why, Map.of("image", image));
        }
    }

    /** An allowed image could not be pulled (422); the daemon's reason is in the server log only. */
    public static class ImageRefused extends ProblemException {
        public ImageRefused(String image, String why) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-image-refused", "Workspace image refused",
                    "The image '" + image + "' cannot be used: " + why, Map.of("image", image));
        }
    }

    /** The workspace would run as root, which this installation does not allow (422). */
    public static class RootRefused extends ProblemException {
        public RootRefused(String why) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-root-refused", "Workspace may not run as root",
                    why + " This installation does not run workspaces as root; name a non-root containerUser "
                            + "and remoteUser in devcontainer.json, or leave them out.");
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
