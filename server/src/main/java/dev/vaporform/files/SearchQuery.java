package dev.vaporform.files;

/**
 * What to find in a project's files.
 *
 * @param text          a literal string, or a Java regular expression when {@code regex}
 * @param caseSensitive whether letters must match in case (default: not)
 * @param regex         whether {@code text} is a regular expression, matched line by line
 * @param limit         most hits to return (1…the configured maximum)
 */
public record SearchQuery(String text, boolean caseSensitive, boolean regex, int limit) {

    /** @return a case-insensitive literal search with the given limit */
    public static SearchQuery literal(String text, int limit) {
        return new SearchQuery(text, false, false, limit);
    }
}
