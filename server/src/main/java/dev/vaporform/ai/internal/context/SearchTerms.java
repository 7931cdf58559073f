package dev.vaporform.ai.internal.context;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words worth searching the project for: the prompt's terms and the open code's identifiers. */
final class SearchTerms {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{2,63}");
    /** English filler and keywords common to most languages: they find everything, so nothing. */
    private static final Set<String> IGNORED = Set.of(
            "the", "and", "for", "with", "that", "this", "from", "into", "what", "when", "where", "which", "while",
            "make", "change", "add", "remove", "fix", "use", "using", "should", "would", "could", "please", "can",
            "all", "any", "not", "are", "was", "has", "have", "its", "our", "your", "you", "but", "also", "then",
            "than", "there", "them", "they", "code", "file", "files", "function", "method", "class", "new", "return",
            "public", "private", "protected", "static", "final", "void", "int", "long", "string", "boolean", "true",
            "false", "null", "none", "var", "let", "const", "def", "import", "package", "export", "default", "else",
            "elif", "try", "catch", "throw", "throws", "self", "super", "extends", "implements", "interface", "async",
            "await", "func", "type", "struct", "impl", "pub", "mut", "char", "double", "float", "byte", "short",
            "instead", "like", "each", "every", "some", "more", "less", "does", "doesn", "don", "how", "why", "who");

    private SearchTerms() {}

    /** @return up to {@code max} distinct words of the prompt, in order */
    static List<String> ofPrompt(String prompt, int max) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(prompt);
        while (m.find() && terms.size() < max) {
            String word = m.group();
            if (!IGNORED.contains(word.toLowerCase(java.util.Locale.ROOT))) terms.add(word);
        }
        return List.copyOf(terms);
    }

    /** @return up to {@code max} identifiers of the code, most frequent first (ties: first seen) */
    static List<String> identifiers(String code, int max) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = WORD.matcher(code);
        while (m.find()) {
            String word = m.group();
            if (word.length() >= 4 && !IGNORED.contains(word.toLowerCase(java.util.Locale.ROOT))) counts.merge(word, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(max).map(Map.Entry::getKey).toList();
    }
}
