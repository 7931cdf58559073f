package dev.vaporform.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.platform.PlatformProperties;

/**
 * Contents of file versions, stored once per distinct SHA-256 per project under
 * {@code <home>/blobs/<projectId>/<first two hex digits>/<sha256>}. Outside the project root on
 * purpose: a workspace cannot reach or alter history. A blob is written to a temporary name and
 * moved into place, so a reader never sees half of one.
 */
@Component
public class Blobs {

    private final Path directory;

    public Blobs(PlatformProperties platform) {
        this.directory = platform.homeDirectory().resolve("blobs");
    }

    /** Stores the content unless a blob with this hash exists already. */
    public void store(UUID projectId, String sha256, byte[] content) {
        Path blob = path(projectId, sha256);
        if (Files.exists(blob, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.createDirectories(blob.getParent());
            Path temp = Files.createTempFile(blob.getParent(), ".blob-", ".tmp");
            Files.write(temp, content);
            DiskWrites.moveIntoPlace(temp, blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identity and length of content stored from a stream. */
    public record Stored(String sha256, long size) {}

    /**
     * Stores what {@code content} yields, hashing it on the way: the blob holds exactly the bytes
     * the server read itself, never a copy of whatever a path named by then.
     */
    public Stored store(UUID projectId, InputStream content) throws IOException {
        Path parent = directory.resolve(projectId.toString());
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".blob-", ".tmp");
        try {
            MessageDigest digest = Hashes.sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            String sha = Hashes.hex(digest);
            Path blob = path(projectId, sha);
            if (!Files.exists(blob, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(blob.getParent());
                DiskWrites.moveIntoPlace(temp, blob);
            }
            return new Stored(sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores the content of a file the server staged itself (an archive entry) under its known hash. */
    public void storeStaged(UUID projectId, String sha256, Path stagedFile) {
        Path blob = path(projectId, sha256);
        if (Files.exists(blob, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.createDirectories(blob.getParent());
            Path temp = Files.createTempFile(blob.getParent(), ".blob-", ".tmp");
            Files.copy(stagedFile, temp, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            DiskWrites.moveIntoPlace(temp, blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the stored content (a blob is never a link; one that is, left by an older version, is refused) */
    public byte[] read(UUID projectId, String sha256) {
        try (InputStream in = Files.newInputStream(path(projectId, sha256), LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how many distinct contents the project has stored */
    public long count(UUID projectId) {
        Path dir = directory.resolve(projectId.toString());
        if (!Files.isDirectory(dir)) return 0;
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes one blob (idempotent): the caller knows no kept version holds its content any more. */
    public void delete(UUID projectId, String sha256) {
        try {
            Files.deleteIfExists(path(projectId, sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every blob of the project (idempotent). */
    public void deleteProject(UUID projectId) {
        DiskWrites.deleteTree(directory.resolve(projectId.toString()));
    }

    private Path path(UUID projectId, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return directory.resolve(projectId.toString()).resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
