package dev.vaporform.ot;

/**
 * An immutable text document stored as a balanced rope indexed by code points. {@link #apply(Op)} costs
 * O(k log n) for an op of k components on a document of n code points, independent of how many characters
 * are astral, and returns a new document sharing most of its structure with this one.
 */
public final class Document {

    private static final Document EMPTY = new Document(null);

    /** Null for the empty document. */
    private final RopeNode root;

    private Document(RopeNode root) {
        this.root = root;
    }

    /** The empty document. */
    public static Document empty() {
        return EMPTY;
    }

    /**
     * A document holding {@code text}.
     *
     * @throws InvalidOpException if {@code text} contains a lone surrogate, which the reference would count
     *                            differently and so make positions disagree
     */
    public static Document of(String text) {
        CodePoints.requireWellFormed(text, "document");
        return text.isEmpty() ? EMPTY : new Document(Rope.of(text));
    }

    static Document ofRoot(RopeNode root) {
        return root == null ? EMPTY : new Document(root);
    }

    RopeNode root() {
        return root;
    }

    /** Length in code points. */
    public int length() {
        return root == null ? 0 : root.codePoints();
    }

    /** Length in UTF-16 units, i.e. {@code toString().length()} without building the string. */
    public int utf16Length() {
        return root == null ? 0 : root.units();
    }

    /**
     * Applies {@code op} and returns the new document; this one is unchanged. Stricter than the reference:
     * deletes must lie inside the document and a {@code {"d": "text"}} must match the text it removes.
     *
     * @throws InvalidOpException if the op skips or deletes past the end, or a recorded deletion does not match
     */
    public Document apply(Op op) {
        return DocumentEditor.apply(this, op);
    }

    /**
     * The text between code points {@code from} (inclusive) and {@code to} (exclusive).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= length()}
     */
    public String slice(int from, int to) {
        if (from < 0 || from > to || to > length()) {
            throw new IndexOutOfBoundsException("slice [" + from + "," + to + ") of a document of length " + length());
        }
        RopeNode middle = Rope.split(Rope.split(root, to).left(), from).right();
        return text(middle);
    }

    /** The whole text. Costs O(n); prefer {@link #slice} for parts. */
    @Override
    public String toString() {
        return text(root);
    }

    /** Documents are equal when their texts are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Document that && length() == that.length() && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static String text(RopeNode node) {
        if (node == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(node.units());
        node.appendTo(out);
        return out.toString();
    }
}
