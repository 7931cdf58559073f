package dev.vaporform.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The tests' data directory ({@code VAPORFORM_HOME}, set by surefire), wiped once per JVM. */
public final class TestHome {

    private static boolean wiped;

    private TestHome() {}

    public static Path path() {
        String home = System.getenv("VAPORFORM_HOME");
        if (home == null) throw new IllegalStateException("VAPORFORM_HOME must be set for tests (surefire sets it)");
        return Path.of(home).toAbsolutePath();
    }

    /**
     * Deletes the database, keys, projects and workspace runtime directories of an earlier run, and their workspace containers
     * (the unpacked PostgreSQL binaries stay).
     */
    static synchronized void wipeOnce() {
        if (wiped) return;
        wiped = true;
        LeftoverWorkspaces.removeThoseOf(path().resolve("projects"));
        deleteRecursively(path().resolve("pg").resolve("data"));
        deleteRecursively(path().resolve("keys"));
        deleteRecursively(path().resolve("projects"));
        deleteRecursively(path().resolve("runtime"));
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
