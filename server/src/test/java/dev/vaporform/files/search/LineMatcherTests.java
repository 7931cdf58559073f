package dev.vaporform.files.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vaporform.files.SearchHit;
import dev.vaporform.files.SearchQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanning a file's bytes for an anchor must find exactly the lines that decoding the whole file
 * and matching every line finds: same lines, same order, same previews, whatever the letter
 * case, line breaks, malformed bytes or characters that fold to ASCII letters.
 */
class LineMatcherTests {

    private static final String[] PIECES = {"synchronized", "Synchronized", "SYNCHRONIZED", "ſynchronized", "new", "New",
            "ConcurrentHashMap<", "concurrenthashmap<", "\u212Aelvin", "kelvin", "KELVIN", "İstanbul", "ıstanbul", "ISTANBUL",
            "kiss", "KISS", "grüße", "ΣΊΣΥΦΟΣ", "日本語", " ", "  ", "\t", "\n", "\r\n", "\r", "(", "<", "x", "é", "É"};
    private static final byte[][] MALFORMED = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F}};
    private static final List<SearchQuery> QUERIES = List.of(
            literal("synchronized"), literal("SYNCHRONIZED"), literal("kelvin"), literal("istanbul"), literal("kiss"),
            literal("concurrentHashMap<"), literal("new ConcurrentHashMap<"), literal("é"), literal("ß"), literal("σίσυφος"),
            literal("日本"), literal("n\tN"), caseSensitive("Synchronized"), caseSensitive("ConcurrentHashMap<"),
            caseSensitive("日本語"), caseSensitive("\uFFFD"), regex("new\\s+ConcurrentHashMap<", false),
            regex("^\\s*synchronized", false), regex("synchronized$", false), regex("\\bkelvin\\b", false),
            regex("(?i)SYNCHRONIZED", true), regex("K\\w+n", false), regex("^$", false), regex("Conc.*<", true),
            regex("(new|ſync)hronized", false), regex("x{2,}", false));

    @Test
    void findsTheSameLinesAsMatchingEveryDecodedLine() {
        Random random = new Random(42);
        for (int file = 0; file < 400; file++) {
            byte[] content = randomFile(random);
            for (SearchQuery query : QUERIES) {
                for (int max : new int[] {1, 3, 1000}) {
                    List<SearchHit> hits = new ArrayList<>();
                    LineMatcher.of(query).find("f", content, Long.MAX_VALUE, max, hits);
                    assertThat(hits).as("%s in %s", query, new String(content, StandardCharsets.UTF_8))
                            .isEqualTo(reference(query, content, max));
                }
            }
        }
    }

    @Test
    void caseInsensitiveSearchFindsLettersThatFoldToAsciiFromOtherScripts() {
        byte[] content = "\u212Aelvin\nſtream\nıstanbul\nİSTANBUL\n".getBytes(StandardCharsets.UTF_8);
        for (String text : List.of("kelvin", "STREAM", "istanbul")) {
            List<SearchHit> hits = new ArrayList<>();
            LineMatcher.of(literal(text)).find("f", content, Long.MAX_VALUE, 10, hits);
            assertThat(hits).as(text).isNotEmpty();
        }
    }

    /** Decodes the whole file, cuts it at line feeds and matches each line without its carriage return, as grep does. */
    private static List<SearchHit> reference(SearchQuery query, byte[] content, int max) {
        String text = new String(content, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") && !text.isEmpty() ? lines.length - 1 : lines.length;
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < count && hits.size() < max; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int match = firstMatch(query, line);
            if (match >= 0) hits.add(new SearchHit("f", i + 1, preview(line, match)));
        }
        return hits;
    }

    /** Regular expressions are RE2's (so {@code (?i)} folds ſ to s); literals fold as java.util.regex's literal mode does. */
    private static int firstMatch(SearchQuery query, String line) {
        if (query.regex()) {
            var matcher = com.google.re2j.Pattern.compile(query.text(),
                    query.caseSensitive() ? 0 : com.google.re2j.Pattern.CASE_INSENSITIVE).matcher(line);
            return matcher.find() ? matcher.start() : -1;
        }
        int flags = query.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        Matcher matcher = Pattern.compile(query.text(), flags | Pattern.LITERAL).matcher(line);
        return matcher.find() ? matcher.start() : -1;
    }

    /** A long line is cut to 240 characters, a third of them before the match where the line allows. */
    private static String preview(String line, int match) {
        if (line.length() <= 240) return line;
        int from = Math.max(0, Math.min(match - 80, line.length() - 240));
        return line.substring(from, from + 240);
    }

    private static byte[] randomFile(Random random) {
        var out = new ByteArrayOutputStream();
        for (int i = random.nextInt(60); i > 0; i--) {
            if (random.nextInt(25) == 0) out.writeBytes(MALFORMED[random.nextInt(MALFORMED.length)]);
            else out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static SearchQuery literal(String text) {
        return new SearchQuery(text, false, false, 100);
    }

    private static SearchQuery caseSensitive(String text) {
        return new SearchQuery(text, true, false, 100);
    }

    private static SearchQuery regex(String text, boolean caseSensitive) {
        return new SearchQuery(text, caseSensitive, true, 100);
    }
}
