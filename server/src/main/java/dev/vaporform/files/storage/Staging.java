package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.UUID;

/**
 * The server's private directory beside the project trees, on the same filesystem, that no
 * workspace mounts. Java's directory handles can open, rename and delete relative to a handle
 * but not create a directory, so a new directory is made here, where nobody else can touch it,
 * and renamed into the open directory it belongs in.
 */
final class Staging {

    private final Path directory;
    private volatile SecureDirectoryStream<Path> handle;

    Staging(Path directory) {
        this.directory = directory;
    }

    /** Creates a directory owned like {@code owner} and renames it into {@code target} as {@code name}. */
    void moveNewDirectoryInto(OpenDirectory target, String name, PosixFileAttributes owner) throws IOException {
        SecureDirectoryStream<Path> from = handle();
        String staged = UUID.randomUUID().toString();
        Path made = Files.createDirectory(directory.resolve(staged));
        try {
            Ownership.match(Files.getFileAttributeView(made, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS), owner);
            target.receive(from, staged, name);
        } finally {
            Files.deleteIfExists(made);
        }
    }

    private SecureDirectoryStream<Path> handle() {
        SecureDirectoryStream<Path> open = handle;
        if (open != null) return open;
        synchronized (this) {
            if (handle == null) handle = openHandle();
            return handle;
        }
    }

    private SecureDirectoryStream<Path> openHandle() {
        try {
            Files.createDirectories(directory);
            if (Files.newDirectoryStream(directory) instanceof SecureDirectoryStream<Path> secure) return secure;
            throw new IllegalStateException("This platform has no openat-style directory handles");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
