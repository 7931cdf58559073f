package dev.vaporform.files.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A byte string that every matching line contains, found in a file's raw UTF-8 bytes before
 * anything is decoded, so that only the lines holding it are decoded and checked exactly. It
 * must never miss a line that matches; finding lines that do not is merely work.
 * <p>
 * Case-insensitive anchors are compared with ASCII letters folded. Only ASCII characters whose
 * every case-insensitive equivalent is ASCII may be part of one: {@code i}, {@code k} and
 * {@code s} are left out because {@code İ ı K ſ} match them under {@code UNICODE_CASE}, and
 * non-ASCII characters are left out altogether.
 */
final class Anchor {

    private static final int MIN_LENGTH = 2;
    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^\\x00-\\x7F]|[iksIKS]");
    private static final byte[] FOLD = new byte[256];
    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int b = 0; b < 256; b++) FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }

    /** Bytes of source code from the most frequent on; the scan looks for the anchor's least frequent byte first. */
    private static final String COMMON = " e\ntarionslcdmu\tph.()f;g,=b\"yvw*/k_x{}0:1<>2jq";

    private final byte[] needle;
    private final boolean folded;
    private final int rare;

    private Anchor(byte[] needle, boolean folded) {
        this.needle = needle;
        this.folded = folded;
        this.rare = rarest(needle);
    }

    private static int rarest(byte[] needle) {
        int best = 0, bestRank = -1;
        for (int i = 0; i < needle.length; i++) {
            int rank = COMMON.indexOf(needle[i]);
            if (rank < 0) rank = COMMON.length(); // an upper-case letter, a rarer sign, part of a non-ASCII character
            if (rank > bestRank) { best = i; bestRank = rank; }
        }
        return best;
    }

    /** @return the anchor of a case-sensitive literal: its own bytes, or null when they would not round-trip */
    static Anchor exact(String literal) {
        byte[] bytes = literal.getBytes(StandardCharsets.UTF_8);
        // U+FFFD also stands for malformed bytes in a file, and a lone surrogate has no UTF-8 form.
        boolean roundTrips = literal.indexOf('\uFFFD') < 0 && new String(bytes, StandardCharsets.UTF_8).equals(literal);
        return roundTrips ? new Anchor(bytes, false) : null;
    }

    /** @return the longest case-folded anchor that one of the fragments yields, or null when none is long enough */
    static Anchor folded(List<String> fragments) {
        String best = "";
        for (String fragment : fragments) {
            for (String run : UNSAFE.split(fragment, -1)) {
                if (run.length() > best.length()) best = run.toLowerCase(java.util.Locale.ROOT); // ASCII only by now
            }
        }
        return best.length() < MIN_LENGTH ? null : new Anchor(best.getBytes(StandardCharsets.US_ASCII), true);
    }

    int length() {
        return needle.length;
    }

    /** @return the first index in {@code text[from, to)} where the anchor starts, or -1 */
    int indexIn(byte[] text, int from, int to) {
        return folded ? indexFolded(text, from, to) : indexExact(text, from, to);
    }

    private int indexExact(byte[] text, int from, int to) {
        return indexOfKey(text, from, to, 0, needle[rare]);
    }

    private int indexFolded(byte[] text, int from, int to) {
        byte key = needle[rare];
        // For a letter, b | 0x20 equals it exactly when b is the letter in either case.
        return indexOfKey(text, from, to, key >= 'a' && key <= 'z' ? 0x20 : 0, key);
    }

    /**
     * Finds the anchor by its rarest byte, eight bytes at a time: a word's bytes (ORed with the
     * case bit for a letter) are XORed with the key, and the classic zero-byte test flags every
     * byte that is now zero (and possibly a few above one, which the exact check then rejects).
     */
    private int indexOfKey(byte[] text, int from, int to, int caseBit, byte key) {
        long caseBits = ONES * caseBit, keys = ONES * (key & 0xFF);
        int i = from + rare, last = to - needle.length + rare; // where the key byte may be
        for (; i + Long.BYTES - 1 <= last; i += Long.BYTES) {
            long word = ((long) WORDS.get(text, i) | caseBits) ^ keys;
            for (long zeros = (word - ONES) & ~word & HIGHS; zeros != 0; zeros &= zeros - 1) {
                int at = i + (Long.numberOfTrailingZeros(zeros) >>> 3) - rare;
                if (matchesAt(text, at)) return at;
            }
        }
        for (; i <= last; i++) {
            if (((text[i] | caseBit) == key) && matchesAt(text, i - rare)) return i - rare;
        }
        return -1;
    }

    private boolean matchesAt(byte[] text, int start) {
        if (!folded) return java.util.Arrays.equals(text, start, start + needle.length, needle, 0, needle.length);
        return foldedAt(text, start);
    }

    private boolean foldedAt(byte[] text, int start) {
        for (int j = 0; j < needle.length; j++) if (FOLD[text[start + j] & 0xFF] != needle[j]) return false;
        return true;
    }

    @Override
    public String toString() {
        return new String(needle, StandardCharsets.UTF_8) + (folded ? " (folded)" : "");
    }
}
