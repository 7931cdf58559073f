package dev.vaporform.ot;

/**
 * Applies an op to a rope: walks the op, splitting the unread rest of the document and concatenating kept and
 * inserted pieces onto the result. Any violation throws before a document is published, and the input
 * document is persistent, so a failed apply leaves nothing half-done.
 */
final class DocumentEditor {

    private RopeNode done;
    private RopeNode rest;
    /** Code points consumed from the original document, for error messages. */
    private int position;

    private DocumentEditor(RopeNode rest) {
        this.rest = rest;
    }

    static Document apply(Document document, Op op) {
        RopeNode edited = LeafEdit.tryApply(document.root(), op);
        if (edited != null) {
            return Document.ofRoot(edited);
        }
        DocumentEditor editor = new DocumentEditor(document.root());
        for (Component c : op) {
            switch (c) {
                case Skip s -> editor.keep(s.count());
                case Insert i -> editor.done = Rope.concat(editor.done, Rope.of(i.text()));
                case Delete d -> editor.delete(d);
            }
        }
        return Document.ofRoot(Rope.concat(editor.done, editor.rest));
    }

    private void keep(int count) {
        if (count > remaining()) {
            throw new InvalidOpException("skip of " + count + " code points at " + position
                    + " runs past the end of the document (" + remaining() + " code points left)");
        }
        Rope.Halves halves = Rope.split(rest, count);
        done = Rope.concat(done, halves.left());
        rest = halves.right();
        position += count;
    }

    private void delete(Delete delete) {
        if (delete.length() > remaining()) {
            throw new InvalidOpException("delete of " + delete.length() + " code points at " + position
                    + " runs past the end of the document (" + remaining() + " code points left)");
        }
        Rope.Halves halves = Rope.split(rest, delete.length());
        if (delete.isInvertible()) {
            requireMatch(delete.textOrNull(), halves.left());
        }
        rest = halves.right();
        position += delete.length();
    }

    private void requireMatch(String expected, RopeNode removed) {
        StringBuilder actual = new StringBuilder(removed.units());
        removed.appendTo(actual);
        if (!expected.contentEquals(actual)) {
            throw new InvalidOpException("delete at " + position + " expects " + JsonWriter.quote(expected)
                    + " but the document has " + JsonWriter.quote(actual.toString()));
        }
    }

    private int remaining() {
        return rest == null ? 0 : rest.codePoints();
    }
}
