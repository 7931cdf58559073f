package dev.vaporform.ot;

/** Prints strings exactly as JavaScript's {@code JSON.stringify} does, so our op JSON matches byte for byte. */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendQuoted(out, text);
        return out.toString();
    }

    /** Escapes quote, backslash and control characters; everything else, astral included, stays literal. */
    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendPlain(out, c);
            }
        }
        out.append('"');
    }

    private static void appendPlain(StringBuilder out, char c) {
        if (c >= 0x20) {
            out.append(c);
            return;
        }
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
}
