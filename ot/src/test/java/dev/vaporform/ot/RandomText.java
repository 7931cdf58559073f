package dev.vaporform.ot;

import java.util.SplittableRandom;

/**
 * Random well-formed text drawn from the kinds of characters that break code-point arithmetic: ASCII
 * (including characters JSON must escape), other BMP, astral emoji, ZWJ sequences, flags and combining marks.
 */
final class RandomText {

    static final String[] ASCII = {"a", "b", "c", "x", "y", "z", " ", "\n", "\"", "\\", "\t", "/", "0", "{", "}"};
    static final String[] BMP = {"é", "ß", "中", "文", "Ω", "€", "e\u0301", "\u200b", "\u2028", "ж", "\u0001", "\u007f"};
    static final String[] ASTRAL = {"😀", "👻", "🥰", "💃", "𝄞", "🤖", "😭", "\uD83D\uDE05"};
    static final String[] SEQUENCES = {"👩‍👩‍👧", "🤸🏼‍♀️", "🇧🇪", "❤️", "👍🏽"};

    /** Which alphabets one document draws from; mixing per document keeps pure-ASCII cases common too. */
    enum Flavour { ASCII_ONLY, BMP_MIXED, ASTRAL_HEAVY, EVERYTHING }

    private final SplittableRandom random;

    RandomText(SplittableRandom random) {
        this.random = random;
    }

    Flavour flavour() {
        return Flavour.values()[random.nextInt(Flavour.values().length)];
    }

    /** Text of {@code tokens} tokens (a token is 1 to 7 code points). */
    String text(Flavour flavour, int tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            out.append(token(flavour));
        }
        return out.toString();
    }

    private String token(Flavour flavour) {
        int roll = random.nextInt(100);
        return switch (flavour) {
            case ASCII_ONLY -> pick(ASCII);
            case BMP_MIXED -> roll < 50 ? pick(ASCII) : pick(BMP);
            case ASTRAL_HEAVY -> roll < 30 ? pick(ASCII) : roll < 85 ? pick(ASTRAL) : pick(SEQUENCES);
            case EVERYTHING -> roll < 40 ? pick(ASCII) : roll < 60 ? pick(BMP) : roll < 85 ? pick(ASTRAL) : pick(SEQUENCES);
        };
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
