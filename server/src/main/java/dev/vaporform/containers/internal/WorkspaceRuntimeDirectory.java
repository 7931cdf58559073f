package dev.vaporform.containers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.PlatformProperties;

/**
 * A workspace's runtime directory: one host directory per project,
 * {@code <home>/runtime/<projectId>}, owned by the server and bind-mounted read-only into the
 * container at {@value #CONTAINER_PATH}. The server puts there what the workspace may use but
 * must not replace — the credential's {@code token} file, and later the unix sockets of previews
 * and editors. Read-only, so nothing inside can swap an entry for its own; written atomically
 * (beside, then renamed over), so a reader never sees half an entry.
 *
 * <p>On the host {@code <home>/runtime} is the server's alone (0700): no other local user reaches
 * what is in it. Each project's directory is 0755 and its entries 0644, because the container's
 * user, whatever its uid, reads them through the mount.
 */
@Component
public class WorkspaceRuntimeDirectory {

    /** Where the container sees its runtime directory. */
    public static final String CONTAINER_PATH = "/run/vaporform";

    private final Path root;

    WorkspaceRuntimeDirectory(PlatformProperties platform) {
        this.root = platform.homeDirectory().resolve("runtime");
    }

    /** @return the project's runtime directory on the host, created when missing */
    public Path create(UUID projectId) {
        try {
            Files.createDirectories(root);
            restrict(root, "rwx------");
            Path directory = Files.createDirectories(path(projectId));
            restrict(directory, "rwxr-xr-x");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the workspace runtime directory", e);
        }
    }

    /** @return where the project's runtime directory is on the host (whether or not it exists) */
    public Path path(UUID projectId) {
        return root.resolve(projectId.toString());
    }

    /** Replaces (or creates) an entry at once: the container sees the old content or the new, never a mix. */
    public void write(UUID projectId, String name, String content) {
        Path directory = create(projectId);
        try {
            Path next = Files.createTempFile(directory, "." + name, ".next");
            try {
                Files.writeString(next, content, StandardCharsets.UTF_8);
                restrict(next, "rw-r--r--");
                moveOver(next, entry(projectId, name));
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + name + " into the workspace runtime directory", e);
        }
    }

    public boolean has(UUID projectId, String name) {
        return Files.exists(entry(projectId, name));
    }

    public void delete(UUID projectId, String name) {
        try {
            Files.deleteIfExists(entry(projectId, name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + name + " from the workspace runtime directory", e);
        }
    }

    /** Removes the project's runtime directory and everything in it (the workspace is gone). */
    public void remove(UUID projectId) {
        Path directory = path(projectId);
        if (!Files.exists(directory)) return;
        try (var entries = Files.walk(directory)) {
            for (Path p : entries.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the workspace runtime directory", e);
        }
    }

    /** @return whether the container was created with its runtime directory mounted (older ones were not) */
    static boolean mountedIn(InspectContainerResponse container) {
        return container.getMounts() != null && container.getMounts().stream()
                .anyMatch(m -> m.getDestination() != null && CONTAINER_PATH.equals(m.getDestination().getPath()));
    }

    private Path entry(UUID projectId, String name) {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".")) throw new IllegalArgumentException("bad entry name " + name);
        return path(projectId).resolve(name);
    }

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // same directory: rename(2) is atomic anyway
        }
    }

    /** Sets the mode explicitly, whatever the server's umask; a file system without POSIX modes keeps its own. */
    private static void restrict(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: access then follows the directory's ACL
        }
    }
}
