package dev.vaporform.files.search;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decides what of a file is searchable text: not binary (no NUL byte near its start), not too big. */
final class IndexedText {

    private static final int SNIFF = 8000; // what git looks at to call a file binary

    private IndexedText() {}

    /** @return whether the bytes look like text */
    static boolean isText(byte[] content) {
        for (int i = 0, n = Math.min(content.length, SNIFF); i < n; i++) if (content[i] == 0) return false;
        return true;
    }

    /** @return the file's text decoded as UTF-8 (malformed bytes replaced), or null for a binary file */
    static String decode(byte[] content) {
        return isText(content) ? new String(content, StandardCharsets.UTF_8) : null;
    }

    /** @return the grams to index for a text, none for null */
    static List<String> grams(String text) {
        return text == null ? List.of() : Trigrams.of(text);
    }
}
