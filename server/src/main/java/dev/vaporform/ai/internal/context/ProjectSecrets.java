package dev.vaporform.ai.internal.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.vaporform.files.FileEntry;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.platform.ProblemException;

/**
 * One project's secret files as they are on disk now. The tree is written by whatever runs in
 * the project's workspace, so a name proves nothing: a link named {@code notes.txt} may lead to
 * {@code .env}, and a hard link {@code copy.txt} is {@code .env} under another name. A path is
 * secret when its own name is, when the file it resolves to has a secret path or lies outside the
 * project, or when that file is the same inode as a secret file. Only metadata is looked at here
 * (real paths and attributes, through the root the files module names); content is read through
 * the files module, and {@link #identify} before and after the read tells whether the path was
 * swapped meanwhile.
 */
public final class ProjectSecrets {

    /** What a path was when looked at: where it resolved to and which inode. */
    public record Identity(String realPath, Object fileKey, boolean secret) {
        static final Identity SECRET = new Identity(null, null, true);
        static final Identity ABSENT = new Identity(null, null, false);
    }

    private final ProjectFiles files;
    private final SecretFiles names;
    private final UUID projectId;
    private Path root;
    private Set<Object> secretKeys;

    public ProjectSecrets(ProjectFiles files, SecretFiles names, UUID projectId) {
        this.files = files;
        this.names = names;
        this.projectId = projectId;
    }

    /** @return whether the path's content must not leave (judged on disk, not only by name) */
    public boolean isSecret(String path) {
        return identify(path).secret();
    }

    /**
     * @return what the path is now. An invalid or missing path is {@link Identity#ABSENT}: reading
     *         it fails in the files module with the right problem.
     */
    public Identity identify(String path) {
        if (names.isSecret(path)) return Identity.SECRET;
        String valid;
        try {
            valid = ProjectPath.of(path).value();
        } catch (ProblemException invalid) {
            return Identity.ABSENT;
        }
        try {
            Path real = root().resolve(valid).toRealPath();
            if (!real.startsWith(root())) return Identity.SECRET; // the files module refuses it too
            String relative = root().relativize(real).toString();
            if (names.isSecret(relative)) return Identity.SECRET;
            var attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isRegularFile() && hardLinked(real) && secretKeys().contains(attributes.fileKey())) return Identity.SECRET;
            return new Identity(relative, attributes.fileKey(), false);
        } catch (NoSuchFileException missing) {
            return Identity.ABSENT;
        } catch (IOException | RuntimeException unknowable) {
            return Identity.SECRET; // what cannot be looked at is not sent
        }
    }

    private Path root() throws IOException {
        if (root == null) root = files.root(projectId).toRealPath();
        return root;
    }

    private static boolean hardLinked(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return true; // cannot tell: compare inodes anyway
        }
    }

    /** The inodes of the files secret by name; looked up once, and only when a hard-linked file is met. */
    private Set<Object> secretKeys() throws IOException {
        if (secretKeys != null) return secretKeys;
        Set<Object> keys = new HashSet<>();
        for (FileEntry entry : files.tree(projectId)) {
            if (!"file".equals(entry.type()) || !names.isSecret(entry.path())) continue;
            try {
                Object key = Files.readAttributes(root().resolve(entry.path()), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                if (key != null) keys.add(key);
            } catch (NoSuchFileException gone) {
                // deleted since the listing
            }
        }
        secretKeys = keys;
        return keys;
    }
}
