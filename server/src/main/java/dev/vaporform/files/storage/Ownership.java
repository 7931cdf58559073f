package dev.vaporform.files.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The workspace container runs as an unprivileged user who owns the project tree. When this
 * server runs as root, what it creates would be root's and read-only inside the workspace; so a
 * new file or directory takes the owner of the directory it is created in.
 */
final class Ownership {

    private static final boolean SERVER_IS_ROOT = "root".equals(System.getProperty("user.name"));

    private Ownership() {}

    static void matchParent(Path created, Path parent) {
        if (!SERVER_IS_ROOT) return;
        try {
            int uid = (Integer) Files.getAttribute(parent, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(parent, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            if (uid == 0 && gid == 0) return;
            Files.setAttribute(created, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(created, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Best effort: without it the workspace user may only read the file, nothing worse.
        }
    }
}
