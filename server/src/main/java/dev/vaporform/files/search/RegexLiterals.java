package dev.vaporform.files.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds literal fragments that every match of a Java regular expression must contain, to narrow
 * candidates through the trigram index. It is deliberately conservative: whatever it does not
 * understand (top-level alternation, comments mode) yields no fragments, which means "every
 * file is a candidate" — slower, never wrong. Groups and classes break fragments and are
 * skipped; a character made optional by {@code ?}, {@code *} or {@code {0,…}} is dropped.
 */
final class RegexLiterals {

    private RegexLiterals() {}

    /** @return fragments of 3 or more code points that any match contains */
    static List<String> required(String regex) {
        if (hasTopLevelAlternation(regex) || regex.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) return List.of();
        List<String> fragments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escape(regex, i, run, fragments);
            } else if (c == '[') {
                flush(run, fragments);
                i = skipClass(regex, i);
            } else if (c == '(') {
                flush(run, fragments);
                i = skipGroup(regex, i);
            } else if (c == '*' || c == '?' || c == '{' && optionalBrace(regex, i)) {
                dropLast(run);
                flush(run, fragments);
                i = skipQuantifier(regex, i);
            } else if (c == '+' || c == '{') {
                flush(run, fragments);
                i = skipQuantifier(regex, i);
            } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '|') {
                flush(run, fragments);
                i++;
            } else {
                run.append(c);
                i++;
            }
        }
        flush(run, fragments);
        return fragments.stream().filter(f -> f.codePointCount(0, f.length()) >= 3).toList();
    }

    private static int escape(String regex, int i, StringBuilder run, List<String> fragments) {
        if (i + 1 >= regex.length()) return i + 1;
        char next = regex.charAt(i + 1);
        if (next == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            run.append(regex, i + 2, end < 0 ? regex.length() : end);
            return end < 0 ? regex.length() : end + 2;
        }
        if (Character.isLetterOrDigit(next)) { // a class (\w, \d), an anchor, a back reference or a code
            flush(run, fragments);
            return skipEscapeArgument(regex, next, i + 2);
        }
        run.append(next);
        return i + 2;
    }

    /** Skips what follows escapes that take an argument: \x41, \u0041, \x{..}, \p{..}, \k<..>, \012, \cA, \12. */
    private static int skipEscapeArgument(String regex, char kind, int j) {
        if (j < regex.length() && regex.charAt(j) == '{' && "xpPN".indexOf(kind) >= 0) {
            int close = regex.indexOf('}', j);
            return close < 0 ? regex.length() : close + 1;
        }
        int fixed = switch (kind) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'c', 'p', 'P' -> 1;
            default -> 0;
        };
        if (kind == 'k') return Math.max(regex.indexOf('>', j), j - 1) + 1;
        if (kind == '0' || Character.isDigit(kind)) {
            while (j < regex.length() && Character.isDigit(regex.charAt(j))) j++;
            return j;
        }
        return Math.min(regex.length(), j + fixed);
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth <= 0) return true;
        }
        return false;
    }

    private static int skipClass(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') j++;
        if (j < regex.length() && regex.charAt(j) == ']') j++;
        int depth = 1;
        for (; j < regex.length() && depth > 0; j++) {
            char c = regex.charAt(j);
            if (c == '\\') j++;
            else if (c == '[') depth++;
            else if (c == ']') depth--;
        }
        return j;
    }

    private static int skipGroup(String regex, int i) {
        int depth = 0;
        for (int j = i; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (c == '\\') j++;
            else if (c == '[') j = skipClass(regex, j) - 1;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return j + 1;
        }
        return regex.length();
    }

    private static boolean optionalBrace(String regex, int i) {
        return regex.startsWith("{0", i);
    }

    private static int skipQuantifier(String regex, int i) {
        int j = regex.charAt(i) == '{' ? Math.max(regex.indexOf('}', i), i) + 1 : i + 1;
        if (j < regex.length() && (regex.charAt(j) == '?' || regex.charAt(j) == '+')) j++;
        return j;
    }

    private static void dropLast(StringBuilder run) {
        if (run.isEmpty()) return;
        int last = run.offsetByCodePoints(run.length(), -1);
        run.setLength(last);
    }

    private static void flush(StringBuilder run, List<String> fragments) {
        if (!run.isEmpty()) fragments.add(run.toString());
        run.setLength(0);
    }
}
