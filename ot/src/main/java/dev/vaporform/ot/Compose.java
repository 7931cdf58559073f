package dev.vaporform.ot;

/**
 * Combines two consecutive ops into one; a line-for-line port of the reference's {@code compose}.
 * The result is not closed under transform (see the reference's NOTES.md), so never transform against a
 * composed history.
 */
final class Compose {

    private final OpReader first;
    private final OpAppender out = new OpAppender();

    private Compose(Op first) {
        this.first = OpReader.forCompose(first);
    }

    static Op compose(Op a, Op b) {
        Compose c = new Compose(a);
        for (int i = 0; i < b.size(); i++) {
            Component component = b.get(i);
            if (c.first.isDone()) {
                c.out.append(component); // past the end of a, b's components pass through unchanged
            } else if (component instanceof Skip s) {
                c.keep(s.count());
            } else if (component instanceof Insert) {
                c.out.append(component);
            } else {
                c.delete((Delete) component);
            }
        }
        Component rest;
        while ((rest = c.first.takeRest()) != null) {
            c.out.append(rest);
        }
        return c.out.build();
    }

    /** The second op keeps {@code length} code points of the first op's output. */
    private void keep(int length) {
        while (length > 0) {
            Component chunk = first.take(length);
            out.append(chunk);
            length -= OpReader.postLength(chunk);
        }
    }

    /** The second op deletes text from the first op's output: skipped text is deleted, inserted text cancels. */
    private void delete(Delete delete) {
        int length = delete.length();
        int offset = 0;
        while (offset < length) {
            Component chunk = first.take(length - offset);
            if (chunk instanceof Skip s) {
                out.append(delete.slice(offset, offset + s.count()));
                offset += s.count();
            } else if (chunk instanceof Insert i) {
                offset += i.length();
            } else {
                out.append(chunk);
            }
        }
    }
}
