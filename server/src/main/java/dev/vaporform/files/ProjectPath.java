package dev.vaporform.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated, canonical path of a file or directory relative to a project's root: NFC,
 * {@code /}-separated, without empty or {@code .} segments (so {@code a//b} and {@code a/./b}
 * both become {@code a/b}). Anything that could leave the root or alias another path is refused
 * rather than repaired: {@code ..}, absolute and drive paths, backslashes, look-alike slashes
 * and dots, control and bidi characters, over-long paths and segments.
 *
 * @param value the canonical path; never empty
 */
public record ProjectPath(String value) {

    /** Hard ceilings; the configured limits ({@code vaporform.files.*}) may only be lower. */
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_DEPTH = 256;
    /** Most bytes in one segment (the NAME_MAX of common filesystems). */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** Names the server uses for its own temporary files; never valid in a client's path. */
    public static final String RESERVED_PREFIX = ".vaporform-";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    // Characters that render like '/' or '\' and could fool a person or a later normaliser.
    private static final String LOOKALIKE_SEPARATORS = "\u2215\u2044\uFF0F\uFF3C\u29F8\u29F9\uFE68\u2216\u2571\u2572";

    /** Validates with the hard ceilings. @throws InvalidPath naming the rule broken */
    public static ProjectPath of(String raw) {
        return of(raw, MAX_LENGTH, MAX_DEPTH);
    }

    /**
     * @param raw       the path as the client sent it (already URL-decoded once)
     * @param maxLength most characters allowed
     * @param maxDepth  most segments allowed
     * @return the canonical path
     * @throws InvalidPath naming the rule broken
     */
    public static ProjectPath of(String raw, int maxLength, int maxDepth) {
        if (raw == null || raw.isEmpty()) throw new InvalidPath("empty", "The path is empty.");
        if (raw.length() > maxLength) {
            throw new InvalidPath("max-path-length", "The path is longer than " + maxLength + " characters (max-path-length).");
        }
        String path = Normalizer.normalize(raw, Normalizer.Form.NFC);
        checkCharacters(path);
        if (path.startsWith("/") || DRIVE.matcher(path).find()) {
            throw new InvalidPath("absolute", "The path must be relative to the project root.");
        }
        List<String> segments = segments(path);
        if (segments.isEmpty()) throw new InvalidPath("empty", "The path names the project root, not a file.");
        if (segments.size() > maxDepth) {
            throw new InvalidPath("max-depth", "The path has more than " + maxDepth + " segments (max-depth).");
        }
        return new ProjectPath(String.join("/", segments));
    }

    private static void checkCharacters(String path) {
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') throw new InvalidPath("backslash", "The path contains a backslash; use '/' between segments.");
            if (LOOKALIKE_SEPARATORS.indexOf(cp) >= 0) {
                throw new InvalidPath("lookalike-separator", "The path contains a character that looks like a slash (U+"
                        + String.format("%04X", cp) + ").");
            }
            if (isForbidden(cp)) {
                throw new InvalidPath("control-character", "The path contains a control or invisible character (U+"
                        + String.format("%04X", cp) + ").");
            }
        }
    }

    private static boolean isForbidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF || cp == 0xFFFD;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            checkSegment(segment);
            segments.add(segment);
        }
        return segments;
    }

    private static void checkSegment(String segment) {
        if (segment.equals("..")) throw new InvalidPath("parent-segment", "A path may not contain '..'.");
        String compatible = Normalizer.normalize(segment, Normalizer.Form.NFKC);
        if (compatible.equals(".") || compatible.equals("..") || compatible.contains("/")) {
            throw new InvalidPath("lookalike-dots", "A path segment looks like '.', '..' or a slash.");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new InvalidPath("max-segment-length", "A path segment is longer than " + MAX_SEGMENT_BYTES + " bytes.");
        }
        if (segment.startsWith(RESERVED_PREFIX)) {
            throw new InvalidPath("reserved-name", "Names starting with '" + RESERVED_PREFIX + "' are reserved.");
        }
    }

    /** @return the last segment */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** @return the parent directory's path, or null when this path is at the root */
    public ProjectPath parent() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? null : new ProjectPath(value.substring(0, slash));
    }

    /** @return whether this path is {@code other} or lies below it */
    public boolean isWithin(ProjectPath other) {
        return value.equals(other.value) || value.startsWith(other.value + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
