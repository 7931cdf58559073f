package dev.vaporform.files.storage;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.UnsafeLink;

/**
 * Walks a project's tree through open directory handles, never following a link (links are
 * reported, not entered) and without the server's own temporary files. Entries that vanish or
 * change kind mid-walk (a build deleting files, a process swapping a directory for a link) are
 * skipped rather than failing the walk; below {@link ProjectPath#MAX_DEPTH} nothing is addressable,
 * so nothing deeper is visited.
 */
public final class TreeWalk {

    /** Sees one entry: its project-relative path, its own attributes, and the open directory that holds it. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String path, BasicFileAttributes attrs, OpenDirectory parent, String name);
    }

    private TreeWalk() {}

    /** Calls {@code visitor} with each entry below {@code start} (not {@code start} itself), parents before children. */
    public static void walk(OpenDirectory start, Visitor visitor) {
        walk(start, visitor, depthOf(start.path()));
    }

    private static void walk(OpenDirectory directory, Visitor visitor, int depth) {
        if (depth >= ProjectPath.MAX_DEPTH) return;
        for (String name : directory.names()) {
            Optional<BasicFileAttributes> attrs = directory.attributes(name);
            if (attrs.isEmpty()) continue;
            visitor.visit(directory.pathOf(name), attrs.get(), directory, name);
            if (!attrs.get().isDirectory()) continue;
            try (OpenDirectory child = directory.directory(name)) {
                walk(child, visitor, depth + 1);
            } catch (FileNotFound | UnsafeLink | PathConflict changedMeanwhile) {
                // gone or swapped since it was listed: what is there now is not entered
            }
        }
    }

    private static int depthOf(String path) {
        return path.isEmpty() ? 0 : path.split("/").length;
    }
}
