package dev.vaporform.ot;

/**
 * Inserts {@code text} at the cursor. JSON form: a non-empty string. Its length is counted in code points,
 * so {@code "😀"} has length 1.
 */
public final class Insert implements Component {

    private final String text;
    private final int length;

    /**
     * @param text the text to insert
     * @throws InvalidOpException if {@code text} is empty or contains a lone surrogate
     */
    public Insert(String text) {
        if (text.isEmpty()) {
            throw new InvalidOpException("insert must not be empty");
        }
        CodePoints.requireWellFormed(text, "insert");
        this.text = text;
        this.length = CodePoints.count(text);
    }

    private Insert(String text, int length) {
        this.text = text;
        this.length = length;
    }

    /** For text already known to be non-empty, well-formed and {@code length} code points long. */
    static Insert trusted(String text, int length) {
        return new Insert(text, length);
    }

    /** The inserted text. */
    public String text() {
        return text;
    }

    /** The inserted text's length in code points. */
    public int length() {
        return length;
    }

    @Override
    public int preLength() {
        return 0;
    }

    @Override
    public int postLength() {
        return length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Insert that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return JsonWriter.quote(text);
    }
}
