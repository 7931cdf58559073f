package dev.vaporform.ai.internal.context;

/**
 * Token estimates for budgeting a request before it is sent. Providers count with their own
 * tokenizers; four characters a token is the usual rule of thumb for code and English, and the
 * recorded usage always comes from the provider's own count.
 */
public final class Tokens {

    private Tokens() {}

    public static int estimate(CharSequence text) {
        return (text.length() + 3) / 4;
    }

    /** @return the longest prefix of {@code text} within {@code tokens}, cut at a line end when there is one */
    public static String cut(String text, int tokens) {
        int chars = Math.max(0, tokens * 4);
        if (text.length() <= chars) return text;
        int end = text.lastIndexOf('\n', chars);
        if (end < chars / 2) end = chars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }
}
