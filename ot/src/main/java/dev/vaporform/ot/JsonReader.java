package dev.vaporform.ot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader producing {@link List}, {@link Map}, {@link String}, {@link Integer} or
 * {@link BigDecimal}, {@link Boolean} and null. Numbers stay exact so {@code 1.5} or {@code 1e400} can be named in error messages
 * rather than silently rounded; duplicate object keys are rejected rather than resolved.
 */
final class JsonReader {

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** @throws InvalidOpException if {@code text} is not exactly one JSON value */
    static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> array();
            case '{' -> object();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private List<Object> array() {
        pos++;
        List<Object> items = new ArrayList<>();
        if (peekAfterWhitespace() == ']') {
            pos++;
            return items;
        }
        do {
            items.add(value());
        } while (separator(']'));
        return items;
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        if (peekAfterWhitespace() == '}') {
            pos++;
            return members;
        }
        do {
            if (peekAfterWhitespace() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            if (peekAfterWhitespace() != ':') {
                throw error("expected ':'");
            }
            pos++;
            if (members.containsKey(key)) {
                throw error("duplicate key \"" + key + "\"");
            }
            members.put(key, value());
        } while (separator('}'));
        return members;
    }

    /** Consumes ',' (returns true) or the closing bracket (returns false). */
    private boolean separator(char close) {
        char c = peekAfterWhitespace();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("expected ',' or '" + close + "'");
    }

    private String string() {
        pos++;
        int start = pos;
        while (pos < text.length()) { // fast path: no escapes, the usual case
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder out = new StringBuilder().append(text, start, pos);
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        if (pos >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape \\" + c);
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** An Integer for plain small integers (nearly every op number), else an exact BigDecimal. */
    private Number number() {
        int start = pos;
        boolean negative = consume('-');
        int digitsStart = pos;
        if (!digits() || (text.charAt(digitsStart) == '0' && pos - digitsStart > 1)) {
            pos = start;
            throw error("invalid value");
        }
        boolean plain = pos - digitsStart <= 9;
        if (consume('.')) {
            plain = false;
            requireDigits(start);
        }
        if (consume('e') || consume('E')) {
            plain = false;
            if (!consume('+')) {
                consume('-');
            }
            requireDigits(start);
        }
        if (plain) {
            int value = Integer.parseInt(text, digitsStart, pos, 10);
            return negative ? -value : value;
        }
        return new BigDecimal(text.substring(start, pos));
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void requireDigits(int numberStart) {
        if (!digits()) {
            pos = numberStart;
            throw error("invalid value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid value");
        }
        pos += word.length();
        return value;
    }

    private char peekAfterWhitespace() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private InvalidOpException error(String what) {
        return new InvalidOpException("op is not valid JSON: " + what + " at index " + pos);
    }
}
