package dev.vaporform.files.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index's view of text: case-folded, cut into the distinct 3-code-point grams it contains.
 * The same function builds the index and the queries, so a string's grams are always a subset
 * of the grams of any text that contains it, in any letter case.
 */
final class Trigrams {

    private static final int BITS = 21; // a code point fits in 21 bits
    private static final long MASK = (1L << BITS) - 1;

    private Trigrams() {}

    /**
     * Case folding as {@link java.util.regex.Pattern#CASE_INSENSITIVE} with
     * {@code UNICODE_CASE} sees it: two code points equal ignoring case fold to the same one.
     */
    static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** @return the distinct folded trigrams of {@code text}, in no particular order */
    static List<String> of(CharSequence text) {
        long[] grams = encode(text);
        if (grams.length == 0) return List.of();
        Arrays.sort(grams);
        List<String> distinct = new java.util.ArrayList<>();
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) distinct.add(decode(grams[i]));
        }
        return distinct;
    }

    /** @return the distinct trigrams of several fragments that must all occur */
    static Set<String> ofAll(List<String> fragments) {
        Set<String> all = new LinkedHashSet<>();
        fragments.forEach(f -> all.addAll(of(f)));
        return all;
    }

    private static long[] encode(CharSequence text) {
        int[] cps = text.codePoints().map(Trigrams::fold).toArray();
        if (cps.length < 3) return new long[0];
        long[] grams = new long[cps.length - 2];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = ((long) cps[i] << (2 * BITS)) | ((long) cps[i + 1] << BITS) | cps[i + 2];
        }
        return grams;
    }

    private static String decode(long gram) {
        return new StringBuilder(6)
                .appendCodePoint((int) (gram >>> (2 * BITS) & MASK))
                .appendCodePoint((int) (gram >>> BITS & MASK))
                .appendCodePoint((int) (gram & MASK)).toString();
    }
}
