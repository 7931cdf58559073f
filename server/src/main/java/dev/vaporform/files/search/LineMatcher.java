package dev.vaporform.files.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.re2j.Matcher;
import com.google.re2j.PatternSyntaxException;

import dev.vaporform.files.InvalidSearch;
import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;

/**
 * Checks a file's content line by line, which is what makes results exact: the index only
 * proposes candidates. When the query yields an {@link Anchor}, the file's raw bytes are
 * scanned for it and only the lines holding it are decoded and checked; otherwise the whole
 * file is decoded and checked (literals with one scan, regular expressions line by line).
 * Regular expressions are matched within each line's bounds (as grep does), so {@code ^} and
 * {@code $} mean the line's start and end, and give up once the search's deadline passes.
 * <p>
 * Regular expressions are RE2's syntax, matched by RE2/J in time linear in the line (what
 * ripgrep, and so VS Code's search, does by default): no pattern can backtrack for seconds on a
 * node's CPU, which a backtracking engine lets any tenant do with a dozen characters
 * ({@code (.*a){12}$}). The price is RE2's: no back references and no look-around, refused as
 * an invalid regular expression. Case-insensitive literals keep java.util.regex's literal mode
 * (linear too), whose folding also matches letters such as {@code ı} and {@code İ} to ASCII.
 */
final class LineMatcher {

    static final int MAX_QUERY_LENGTH = 1000;
    private static final int PREVIEW = 240;

    /** RE2/J's descriptions of what a backtracking engine would have accepted. */
    private static final Set<String> RE2_LEAVES_OUT = Set.of("invalid escape sequence",
            "invalid or unsupported Perl syntax", "invalid named capture", "invalid nested repetition operator");
    /** Every 64 lines, a search looks at its clock even when no single line takes long. */
    private static final int CLOCK_EVERY_LINES = 64;

    /** The case-insensitive literal; null for a case-sensitive one (a plain scan) and for a regex. */
    private final Pattern folded;
    /** The regular expression; null for a literal. */
    private final com.google.re2j.Pattern regex;
    private final String literal;
    private final Anchor anchor;

    private LineMatcher(Pattern folded, com.google.re2j.Pattern regex, String literal, Anchor anchor) {
        this.folded = folded;
        this.regex = regex;
        this.literal = literal;
        this.anchor = anchor;
    }

    /** @throws InvalidSearch when the text is empty, too long, spans lines, or is not a valid regex */
    static LineMatcher of(SearchQuery query) {
        String text = query.text();
        if (text == null || text.isEmpty()) throw new InvalidSearch("The search text is empty.");
        if (text.length() > MAX_QUERY_LENGTH) throw new InvalidSearch("The search text is longer than " + MAX_QUERY_LENGTH + " characters.");
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) throw new InvalidSearch("The search text must be a single line.");
        if (!query.regex()) {
            Pattern folded = query.caseSensitive() ? null
                    : Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.LITERAL);
            return new LineMatcher(folded, null, text, query.caseSensitive() ? Anchor.exact(text) : Anchor.folded(List.of(text)));
        }
        try {
            int flags = query.caseSensitive() ? 0 : com.google.re2j.Pattern.CASE_INSENSITIVE;
            // Inline flags such as (?i) may make a case-sensitive query ignore case: regex anchors are always folded.
            return new LineMatcher(null, com.google.re2j.Pattern.compile(text, flags), text, Anchor.folded(RegexLiterals.required(text)));
        } catch (PatternSyntaxException e) {
            throw new InvalidSearch("The regular expression is invalid: " + e.getDescription() + " at `" + e.getPattern() + "`."
                    + (RE2_LEAVES_OUT.contains(e.getDescription())
                    ? " Back references, look-around and possessive quantifiers are not supported (RE2 syntax)." : ""));
        }
    }

    /** @return literal fragments any matching line contains, for the index */
    List<String> requiredFragments() {
        return regex != null ? RegexLiterals.required(literal) : List.of(literal);
    }

    /**
     * Adds the matching lines of one file to {@code hits}, stopping once it holds {@code max}.
     *
     * @param content  the file's bytes, UTF-8 text (malformed bytes read as U+FFFD)
     * @param deadline {@link System#nanoTime()} after which a regular expression gives up
     * @throws InvalidSearch when a regular expression is still matching at the deadline
     */
    void find(String path, byte[] content, long deadline, int max, List<SearchHit> hits) {
        if (anchor == null) {
            String text = new String(content, StandardCharsets.UTF_8);
            if (regex != null) findPerLine(path, text, deadline, max, hits);
            else findLiteral(path, text, max, hits);
            return;
        }
        int line = 1, counted = 0, from = 0;
        for (int checked = 0; hits.size() < max; checked++) {
            if (regex != null && checked % CLOCK_EVERY_LINES == 0) DeadlineText.checkTime(deadline);
            int at = anchor.indexIn(content, from, content.length);
            if (at < 0) return;
            int start = at;
            while (start > from && content[start - 1] != '\n') start--;
            int end = at + anchor.length();
            while (end < content.length && content[end] != '\n') end++;
            line += LineFeeds.count(content, counted, start);
            counted = start;
            int visibleEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            String text = new String(content, start, visibleEnd - start, StandardCharsets.UTF_8);
            int match = firstMatch(text, deadline);
            if (match >= 0) hits.add(new SearchHit(path, line, cut(text, 0, text.length(), match)));
            from = end + 1;
        }
    }

    /** @return where the query first matches in one line (without its line break), or -1 */
    private int firstMatch(String line, long deadline) {
        if (regex != null) {
            Matcher matcher = regex.matcher(new DeadlineText(line, deadline));
            return matcher.find() ? matcher.start() : -1;
        }
        if (folded == null) return line.indexOf(literal);
        java.util.regex.Matcher matcher = folded.matcher(line);
        return matcher.find() ? matcher.start() : -1;
    }

    private void findLiteral(String path, CharSequence content, int max, List<SearchHit> hits) {
        java.util.regex.Matcher matcher = folded == null ? null : folded.matcher(content);
        String text = folded == null ? content.toString() : null;
        int line = 1, lineStart = 0, from = 0;
        while (hits.size() < max && from <= content.length()) {
            int match = matcher != null ? (matcher.find(from) ? matcher.start() : -1) : text.indexOf(literal, from);
            if (match < 0) return;
            for (int nl = indexOf(content, '\n', lineStart); nl >= 0 && nl < match; nl = indexOf(content, '\n', lineStart)) {
                line++;
                lineStart = nl + 1;
            }
            int lineEnd = lineEnd(content, lineStart);
            hits.add(new SearchHit(path, line, preview(content, lineStart, lineEnd, match)));
            from = lineEnd + 1;
            lineStart = from;
            line++;
        }
    }

    private void findPerLine(String path, String content, long deadline, int max, List<SearchHit> hits) {
        Matcher matcher = regex.matcher("");
        int line = 1;
        for (int start = 0; (start < content.length() || start == 0) && hits.size() < max; line++) {
            if (line % CLOCK_EVERY_LINES == 0) DeadlineText.checkTime(deadline);
            int end = lineEnd(content, start);
            int visibleEnd = end > start && content.charAt(end - 1) == '\r' ? end - 1 : end;
            matcher.reset(new DeadlineText(content.substring(start, visibleEnd), deadline));
            if (matcher.find()) hits.add(new SearchHit(path, line, preview(content, start, end, start + matcher.start())));
            if (end >= content.length()) return;
            start = end + 1;
        }
    }

    private static int lineEnd(CharSequence content, int from) {
        int nl = indexOf(content, '\n', from);
        return nl < 0 ? content.length() : nl;
    }

    private static int indexOf(CharSequence content, char c, int from) {
        if (content instanceof String s) return s.indexOf(c, from);
        for (int i = from; i < content.length(); i++) if (content.charAt(i) == c) return i;
        return -1;
    }

    private static String preview(CharSequence content, int start, int end, int match) {
        if (end > start && content.charAt(end - 1) == '\r') end--;
        return cut(content, start, end, match);
    }

    /** @return the line {@code [start, end)}, or a few hundred characters of it around the match */
    private static String cut(CharSequence content, int start, int end, int match) {
        if (end - start <= PREVIEW) return content.subSequence(start, end).toString();
        int from = Math.max(start, Math.min(match - PREVIEW / 3, end - PREVIEW));
        return content.subSequence(from, Math.min(end, from + PREVIEW)).toString();
    }
}
