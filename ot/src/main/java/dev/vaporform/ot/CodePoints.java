package dev.vaporform.ot;

/**
 * Code-point arithmetic on well-formed UTF-16 strings. The reference counts any surrogate unit as half of a
 * pair, Java counts a lone surrogate as one code point; rejecting lone surrogates at the boundary is what
 * makes the two agree.
 */
final class CodePoints {

    private CodePoints() {
    }

    static int count(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /** UTF-16 index of code point {@code codePoint} in {@code text}. */
    static int unitIndex(CharSequence text, int codePoint) {
        return Character.offsetByCodePoints(text, 0, codePoint);
    }

    /** Code points {@code [from, to)} of {@code text}. */
    static String slice(String text, int from, int to) {
        int start = text.offsetByCodePoints(0, from);
        int end = text.offsetByCodePoints(start, to - from);
        return text.substring(start, end);
    }

    /** @throws InvalidOpException naming the first unpaired surrogate in {@code text} */
    static void requireWellFormed(CharSequence text, String what) {
        int bad = firstLoneSurrogate(text);
        if (bad >= 0) {
            throw new InvalidOpException(what + " contains a lone surrogate U+"
                    + Integer.toHexString(text.charAt(bad)).toUpperCase() + " at UTF-16 index " + bad
                    + "; ops and documents must be well-formed Unicode");
        }
    }

    /** Index of the first unpaired surrogate, or -1. */
    static int firstLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
