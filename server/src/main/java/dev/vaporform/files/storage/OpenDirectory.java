package dev.vaporform.files.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;

/**
 * An open directory of a project tree. Every operation names an entry of this directory and runs
 * relative to the open handle ({@code openat}, {@code fstatat}, {@code renameat}, {@code unlinkat}),
 * never through a path the server resolves again and never following a link: a process in the
 * workspace writes the same tree and may swap any entry for a link at any moment, so what this
 * handle was opened on is the only thing the server trusts. Opening a subdirectory that has
 * become a link fails; the caller gets {@link UnsafeLink}, whatever the link points at.
 */
public final class OpenDirectory implements Closeable {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SecureDirectoryStream<Path> handle;
    private final String path;
    private final Staging staging;

    private OpenDirectory(SecureDirectoryStream<Path> handle, String path, Staging staging) {
        this.handle = handle;
        this.path = path;
        this.staging = staging;
    }

    /** Opens a directory the server itself owns the path to (a project root), as the start of every walk. */
    static OpenDirectory open(Path directory, Staging staging) {
        try {
            DirectoryStream<Path> stream = Files.newDirectoryStream(directory);
            if (stream instanceof SecureDirectoryStream<Path> secure) return new OpenDirectory(secure, "", staging);
            stream.close();
            throw new IllegalStateException("This platform has no openat-style directory handles; project trees cannot be served safely");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return this directory's path relative to the project root ({@code ""} for the root) */
    public String path() {
        return path;
    }

    /** @return the project-relative path of an entry of this directory */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    /**
     * @return the subdirectory {@code name}, opened without following a link
     * @throws FileNotFound when nothing is there
     * @throws UnsafeLink   when it is a link
     * @throws PathConflict when it is not a directory
     */
    public OpenDirectory directory(String name) {
        BasicFileAttributes attrs = attributes(name).orElseThrow(() -> new FileNotFound("There is no directory " + pathOf(name) + "."));
        refuseLink(name, attrs);
        if (!attrs.isDirectory()) throw new PathConflict("The path " + pathOf(name) + " is a file, not a directory.");
        try {
            return new OpenDirectory((SecureDirectoryStream<Path>) handle.newDirectoryStream(Path.of(name), NOFOLLOW), pathOf(name), staging);
        } catch (IOException e) {
            throw failure(name, e, "directory");
        }
    }

    /** @return the subdirectory {@code name}, created first when missing (owned like this directory) */
    public OpenDirectory directoryCreating(String name) {
        if (attributes(name).isEmpty()) createDirectory(name);
        return directory(name);
    }

    /**
     * @return the directory {@code dir} below this one, opened segment by segment without following
     *         a link; the caller closes it. With {@code create}, missing directories are made.
     * @throws FileNotFound, UnsafeLink, PathConflict as {@link #directory} for the first segment that fails
     */
    public OpenDirectory descend(dev.vaporform.files.ProjectPath dir, boolean create) {
        return descend(List.of(dir.value().split("/")), create);
    }

    /**
     * As {@link #descend(dev.vaporform.files.ProjectPath, boolean)}, for segments read off the disk
     * (a watcher's or the index's relative paths) rather than sent by a client.
     */
    public OpenDirectory descend(List<String> segments, boolean create) {
        OpenDirectory current = reopen();
        for (String segment : segments) {
            try (OpenDirectory parent = current) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")) {
                    throw new FileNotFound("There is no directory " + parent.pathOf(segment) + ".");
                }
                current = create ? parent.directoryCreating(segment) : parent.directory(segment);
            }
        }
        return current;
    }

    /** @return the open directory that holds {@code path}'s last segment; the caller closes it */
    public OpenDirectory parentOf(dev.vaporform.files.ProjectPath path, boolean create) {
        return path.parent() == null ? reopen() : descend(path.parent(), create);
    }

    /** @return a second handle on this same directory (not on whatever its path names now) */
    public OpenDirectory reopen() {
        try {
            return new OpenDirectory((SecureDirectoryStream<Path>) handle.newDirectoryStream(Path.of("."), NOFOLLOW), path, staging);
        } catch (IOException e) {
            throw gone(e);
        }
    }

    /** @return the entry's own attributes (a link is described, not followed), or empty when nothing is there */
    public Optional<BasicFileAttributes> attributes(String name) {
        try {
            return Optional.of(handle.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the attributes of this directory itself, read from the handle */
    public BasicFileAttributes attributes() {
        try {
            return handle.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the names of this directory's entries, the server's own temporary files left out */
    public List<String> names() {
        return namesIncludingTemporary().stream().filter(name -> !name.startsWith(DiskWrites.TEMP_PREFIX)).toList();
    }

    /** Refuses {@code name} when it is a link, with the one answer every link gets. */
    public void refuseLink(String name) {
        attributes(name).ifPresent(attrs -> refuseLink(name, attrs));
    }

    /**
     * Reads a regular file whole.
     *
     * @param limit most bytes wanted: returns at most {@code limit + 1} bytes, so callers can tell "over"
     * @throws FileNotFound, UnsafeLink, PathConflict for a missing entry, a link, or no regular file
     */
    public byte[] read(String name, long limit) {
        try (InputStream in = openRead(name)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw failure(name, e, "file");
        }
    }

    /**
     * Opens a regular file for reading. The entry is checked before the open, the open itself
     * refuses a link, and the opened handle is checked again: a pipe put there meanwhile cannot
     * seek, a directory cannot be read.
     */
    public InputStream openRead(String name) {
        BasicFileAttributes attrs = attributes(name).orElseThrow(() -> new FileNotFound("There is no file at " + pathOf(name) + "."));
        refuseLink(name, attrs);
        if (attrs.isDirectory()) throw new PathConflict("The path " + pathOf(name) + " is a directory.");
        if (!attrs.isRegularFile()) throw new PathConflict("The path " + pathOf(name) + " is not a regular file; the server reads only files.");
        try {
            SeekableByteChannel channel = handle.newByteChannel(Path.of(name), Set.of(StandardOpenOption.READ, NOFOLLOW));
            try {
                channel.position(); // a pipe or socket cannot seek: refuse it before reading would block
                channel.read(ByteBuffer.allocate(0)); // a directory fails here
            } catch (IOException notAFile) {
                channel.close();
                throw new PathConflict("The path " + pathOf(name) + " is not a regular file; the server reads only files.");
            }
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw failure(name, e, "file");
        }
    }

    /**
     * Replaces (or creates) the file {@code name} with {@code content} in one rename inside this
     * directory: readers see the old bytes or the new, never a mix. A replaced file keeps its
     * permissions; a new one takes this directory's owner (the workspace user).
     *
     * @throws UnsafeLink   when {@code name} is a link (it is never written through)
     * @throws PathConflict when {@code name} is a directory
     */
    public void write(String name, byte[] content) {
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            write(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #write(String, byte[])}, with the content streamed. */
    public void write(String name, InputStream content) {
        Optional<BasicFileAttributes> before = attributes(name);
        if (before.isPresent()) {
            refuseLink(name, before.get());
            if (before.get().isDirectory()) throw new PathConflict("The path " + pathOf(name) + " is a directory.");
        }
        String temp = DiskWrites.TEMP_PREFIX + UUID.randomUUID();
        try {
            Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
            try (var out = Channels.newOutputStream(handle.newByteChannel(Path.of(temp), create))) {
                content.transferTo(out);
            }
            PosixFileAttributeView view = handle.getFileAttributeView(Path.of(temp), PosixFileAttributeView.class, NOFOLLOW);
            PosixFileAttributes own = ownAttributes();
            if (before.isPresent() && before.get().isRegularFile()) keepPermissions(name, view);
            Ownership.match(view, own);
            handle.move(Path.of(temp), handle, Path.of(name));
        } catch (NoSuchFileException directoryGone) {
            deleteQuietly(temp);
            throw new PathConflict("The path " + path() + " was removed or replaced while the server wrote into it; try again.");
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure(name, e, "file");
        }
    }

    /**
     * Creates the directory {@code name}: made in the server's private staging area and renamed
     * into this handle, because Java has no {@code mkdirat}.
     */
    public void createDirectory(String name) {
        try {
            staging.moveNewDirectoryInto(this, name, ownAttributes());
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // created meanwhile (a workspace process): the caller's next step checks what it is
        } catch (IOException e) {
            throw failure(name, e, "directory");
        }
    }

    /** Removes the entry {@code name}, not a directory (on a link this removes the link itself); gone already is fine. */
    public void deleteFile(String name) {
        try {
            handle.deleteFile(Path.of(name));
        } catch (NoSuchFileException gone) {
            // the end state is what was asked
        } catch (IOException e) {
            throw failure(name, e, "file"); // it became a directory meanwhile
        }
    }

    /** Removes everything in this directory, through handles only (the directory itself stays). */
    public void clear() {
        for (String entry : namesIncludingTemporary()) {
            Optional<BasicFileAttributes> attrs = attributes(entry);
            if (attrs.isEmpty()) continue;
            if (attrs.get().isDirectory()) deleteTree(entry);
            else deleteFile(entry);
        }
    }

    /** Removes the directory {@code name} and everything below it, through handles only: a link is removed, never entered. */
    public void deleteTree(String name) {
        try (OpenDirectory child = directory(name)) {
            child.clear();
        } catch (UnsafeLink | PathConflict swapped) {
            deleteFile(name); // it became a link or file meanwhile: remove that entry, follow nothing
            return;
        } catch (FileNotFound gone) {
            return;
        }
        try {
            handle.deleteDirectory(Path.of(name));
        } catch (NoSuchFileException gone) {
            // done by someone else
        } catch (java.nio.file.DirectoryNotEmptyException refilled) {
            throw new PathConflict("The path " + pathOf(name) + " had new entries made in it while the server deleted it; try again.");
        } catch (IOException e) {
            throw failure(name, e, "directory");
        }
    }

    /**
     * Renames the entry {@code name} of this directory to {@code targetName} in {@code target} (a
     * link moves as a link). The caller checks first that the target is free.
     */
    public void rename(String name, OpenDirectory target, String targetName) {
        try {
            handle.move(Path.of(name), target.handle, Path.of(targetName));
        } catch (NoSuchFileException e) {
            throw new FileNotFound("There is nothing at " + pathOf(name) + ".");
        } catch (IOException e) {
            throw failure(targetName, e, "entry");
        }
    }

    /** @return the attributes of this directory itself, read from the handle */
    PosixFileAttributes ownAttributes() throws IOException {
        return handle.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
    }

    /** Moves an entry of another open directory (the staging area) into this one as {@code name}. */
    void receive(SecureDirectoryStream<Path> from, String fromName, String name) throws IOException {
        if (attributes(name).isPresent()) throw new FileAlreadyExistsException(pathOf(name));
        from.move(Path.of(fromName), handle, Path.of(name));
    }

    private List<String> namesIncludingTemporary() {
        List<String> names = new ArrayList<>();
        try (var listing = handle.newDirectoryStream(Path.of("."), NOFOLLOW)) {
            listing.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException e) {
            throw gone(e);
        }
        return names;
    }

    private void keepPermissions(String name, PosixFileAttributeView temp) {
        try {
            var permissions = handle.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, NOFOLLOW).readAttributes().permissions();
            temp.setPermissions(permissions);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a courtesy; the content is what matters
        }
    }

    private void refuseLink(String name, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) throw unsafeLink(name);
    }

    private UnsafeLink unsafeLink(String name) {
        // One answer wherever the link points, so it cannot be used to probe the host.
        return new UnsafeLink("The path " + pathOf(name) + " is a symbolic link; the server never follows links.");
    }

    /** Turns a failed open or rename into what the entry turned out to be (it changed meanwhile). */
    private RuntimeException failure(String name, IOException e, String expected) {
        if (e instanceof NoSuchFileException) return new FileNotFound("There is no " + expected + " at " + pathOf(name) + ".");
        Optional<BasicFileAttributes> now = attributes(name);
        if (now.isPresent() && now.get().isSymbolicLink()) return unsafeLink(name);
        // The JDK reports an O_NOFOLLOW refusal (ELOOP) as a plain IOException naming NOFOLLOW_LINKS.
        boolean refusedLink = String.valueOf(e.getMessage()).contains("NOFOLLOW_LINKS");
        if (now.isEmpty() && (refusedLink || e instanceof FileSystemException)) {
            return new FileNotFound("There is no " + expected + " at " + pathOf(name) + ".");
        }
        if (refusedLink || e instanceof FileSystemException) {
            return new PathConflict("The path " + pathOf(name) + " changed while the server used it; try again.");
        }
        return new UncheckedIOException(e); // a real I/O error (a full disk, a failing device)
    }

    /** A handle whose directory was removed (by a workspace process) can no longer be listed or reopened. */
    private RuntimeException gone(IOException e) {
        if (e instanceof NoSuchFileException) return new PathConflict((path.isEmpty() ? "The project root" : path) + " was removed or replaced meanwhile; try again.");
        return new UncheckedIOException(e);
    }

    private void deleteQuietly(String name) {
        try {
            handle.deleteFile(Path.of(name));
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        try {
            handle.close();
        } catch (IOException ignored) {
            // closing a directory handle cannot lose data
        }
    }
}
