package dev.vaporform.ai.internal.context;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * Files whose content never goes to a provider and that the model may not edit: {@code .env*},
 * {@code *.env}, keys, credentials. A glob without {@code /} matches a file name anywhere in the
 * tree; one with {@code /} matches the path from the root or below any directory. Matching
 * ignores case: {@code SECRETS.ENV} is as secret as {@code secrets.env}, and on a
 * case-insensitive file system it is the same file. This class judges names only; what a path
 * leads to on disk is {@link ProjectSecrets}' part.
 */
public final class SecretFiles {

    private final List<PathMatcher> byName;
    private final List<PathMatcher> byPath;

    public SecretFiles(List<String> globs) {
        var fs = FileSystems.getDefault();
        List<String> lower = globs.stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
        this.byName = lower.stream().filter(g -> !g.contains("/")).map(g -> fs.getPathMatcher("glob:" + g)).toList();
        this.byPath = lower.stream().filter(g -> g.contains("/"))
                .flatMap(g -> java.util.stream.Stream.of(g, "**/" + g))
                .map(g -> fs.getPathMatcher("glob:" + g)).toList();
    }

    /** @param path a canonical project path */
    public boolean isSecret(String path) {
        Path p = Path.of(path.toLowerCase(Locale.ROOT));
        for (Path segment : p) {
            for (PathMatcher m : byName) if (m.matches(segment)) return true;
        }
        for (PathMatcher m : byPath) if (m.matches(p)) return true;
        return false;
    }
}
