package dev.vaporform.files.storage;

import java.io.IOException;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The workspace container runs as an unprivileged user who owns the project tree. When this
 * server runs as root, what it creates would be root's and read-only inside the workspace; so a
 * new file or directory takes the owner of the directory it is created in.
 */
final class Ownership {

    private static final boolean SERVER_IS_ROOT = "root".equals(System.getProperty("user.name"));

    private Ownership() {}

    /** Gives the entry behind {@code created} (a view opened without following links) the owner of {@code parent}. */
    static void match(PosixFileAttributeView created, PosixFileAttributes parent) {
        if (!SERVER_IS_ROOT || isRoot(parent)) return;
        try {
            created.setOwner(parent.owner());
            created.setGroup(parent.group());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Best effort: without it the workspace user may only read the file, nothing worse.
        }
    }

    private static boolean isRoot(PosixFileAttributes attributes) {
        String owner = attributes.owner().getName();
        String group = attributes.group().getName();
        return (owner.equals("root") || owner.equals("0")) && (group.equals("root") || group.equals("0"));
    }
}
