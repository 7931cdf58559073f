package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.platform.PlatformProperties;

/**
 * Where each project's tree lives, and the one way into it: an {@link OpenDirectory} on the
 * project's root, from which every read, write, walk and delete goes on relative to open handles.
 * The root itself is the server's (a workspace mounts it, and cannot replace a mount point);
 * everything below it belongs to whoever runs code in the workspace and is never trusted.
 */
@Component
public class ProjectRoots {

    private final Path projectsDirectory;
    private final Staging staging;

    public ProjectRoots(PlatformProperties platform) {
        this.projectsDirectory = platform.homeDirectory().resolve("projects");
        // Beside the roots, so a rename from it into a tree stays on one filesystem; no workspace mounts it.
        this.staging = new Staging(projectsDirectory.resolve(".staging"));
    }

    /** @return {@code <home>/projects/<projectId>}, created when missing: the directory a workspace mounts */
    public Path root(UUID projectId) {
        Path root = rootIfExists(projectId);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** @return the root without creating it, for clean-up */
    public Path rootIfExists(UUID projectId) {
        return projectsDirectory.resolve(projectId.toString());
    }

    /** @return the project's root, opened (created when missing); the caller closes it */
    public OpenDirectory open(UUID projectId) {
        return OpenDirectory.open(root(projectId), staging);
    }

    /** @return the project's root, opened, or empty when the project has no tree (never creates one) */
    public Optional<OpenDirectory> openIfExists(UUID projectId) {
        Path root = rootIfExists(projectId);
        if (!Files.isDirectory(root)) return Optional.empty();
        try {
            return Optional.of(OpenDirectory.open(root, staging));
        } catch (UncheckedIOException goneMeanwhile) {
            return Optional.empty();
        }
    }

    /** Deletes the project's whole tree through handles (a link inside is removed, never followed), then its root. */
    public void deleteTree(UUID projectId) {
        Optional<OpenDirectory> root = openIfExists(projectId);
        if (root.isEmpty()) return;
        try (OpenDirectory open = root.get()) {
            open.clear();
        }
        try {
            Files.deleteIfExists(rootIfExists(projectId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
