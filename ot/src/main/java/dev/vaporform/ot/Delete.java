package dev.vaporform.ot;

import java.util.Optional;

/**
 * Deletes code points at the cursor. JSON form {@code {"d": N}} deletes N code points; the invertible form
 * {@code {"d": "text"}} deletes that text and remembers it, so the op can be inverted.
 */
public final class Delete implements Component {

    private final int length;
    private final String text;

    private Delete(int length, String text) {
        this.length = length;
        this.text = text;
    }

    /**
     * A delete of {@code count} code points whose content is not recorded.
     *
     * @throws InvalidOpException if {@code count} is zero or negative
     */
    public static Delete count(int count) {
        if (count <= 0) {
            throw new InvalidOpException("delete must remove a positive number of code points, got " + count);
        }
        return new Delete(count, null);
    }

    /**
     * An invertible delete of exactly {@code text}.
     *
     * @throws InvalidOpException if {@code text} is empty or contains a lone surrogate
     */
    public static Delete text(String text) {
        if (text.isEmpty()) {
            throw new InvalidOpException("delete must not be empty");
        }
        CodePoints.requireWellFormed(text, "deleted text");
        return new Delete(CodePoints.count(text), text);
    }

    /** For text already known to be non-empty, well-formed and {@code length} code points long. */
    static Delete trustedText(String text, int length) {
        return new Delete(length, text);
    }

    /** Code points deleted. */
    public int length() {
        return length;
    }

    /** The deleted text, present only for the invertible form {@code {"d": "text"}}. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** True for {@code {"d": "text"}}, which carries what it deletes. */
    public boolean isInvertible() {
        return text != null;
    }

    /** The recorded text or null; for the algorithms, which branch on it constantly. */
    String textOrNull() {
        return text;
    }

    /** The part of this delete from code point {@code from} (inclusive) to {@code to} (exclusive). */
    Delete slice(int from, int to) {
        if (from == 0 && to == length) {
            return this;
        }
        if (text == null) {
            return new Delete(to - from, null);
        }
        return new Delete(to - from, CodePoints.slice(text, from, to));
    }

    @Override
    public int preLength() {
        return length;
    }

    @Override
    public int postLength() {
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Delete that && length == that.length && java.util.Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return text == null ? length : text.hashCode();
    }

    @Override
    public String toString() {
        return text == null ? "{\"d\":" + length + "}" : "{\"d\":" + JsonWriter.quote(text) + "}";
    }
}
