package dev.vaporform.ot;

/**
 * Combines two consecutive ops into one; a line-for-line port of the reference's {@code compose}.
 * The result is not closed under transform (see the reference's NOTES.md), so never transform against a
 * composed history.
 */
final class Compose extends OpRewriter {

    private Compose(Op first, Op second) {
        super(first, false, first.size() + second.size());
    }

    static Op compose(Op a, Op b) {
        Compose c = new Compose(a, b);
        for (int i = 0; i < b.size(); i++) {
            Component component = b.get(i);
            if (c.isDone()) {
                c.append(component); // past the end of a, b's components pass through unchanged
            } else if (component instanceof Skip s) {
                c.keep(s.count());
            } else if (component instanceof Insert) {
                c.append(component);
            } else {
                c.delete((Delete) component);
            }
        }
        return c.finish();
    }

    /** The second op keeps {@code length} code points of the first op's output. */
    private void keep(int length) {
        while (length > 0) {
            Component chunk = take(length);
            append(chunk);
            length -= postLength(chunk);
        }
    }

    /** The second op deletes text from the first op's output: skipped text is deleted, inserted text cancels. */
    private void delete(Delete delete) {
        int length = delete.length();
        int offset = 0;
        while (offset < length) {
            Component chunk = take(length - offset);
            if (chunk instanceof Skip s) {
                append(delete.slice(offset, offset + s.count()));
                offset += s.count();
            } else if (chunk instanceof Insert i) {
                offset += i.length();
            } else {
                append(chunk);
            }
        }
    }
}
