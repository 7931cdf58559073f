package dev.vaporform.ot;

/** Turns ops into their inverses and back, as the reference's invert family does. */
final class Inversion {

    private Inversion() {
    }

    /** Records the deleted text of every {@code {"d": N}} from {@code document}, which the op must fit. */
    static Op makeInvertible(Op op, Document document) {
        OpAppender out = new OpAppender();
        int prePos = 0;
        for (Component c : op) {
            if (c instanceof Delete d && !d.isInvertible()) {
                out.append(Delete.trustedText(deletedText(document, prePos, d.length()), d.length()));
            } else {
                out.append(c);
            }
            prePos += c.preLength();
        }
        return out.build();
    }

    static Op invert(Op op) {
        OpAppender out = new OpAppender();
        for (Component c : op) {
            out.append(switch (c) {
                case Skip s -> s;
                case Insert i -> Delete.trustedText(i.text(), i.length());
                case Delete d when d.isInvertible() -> Insert.trusted(d.textOrNull(), d.length());
                case Delete d -> throw new InvalidOpException("Cannot invert text op: Deleted characters missing "
                        + "from operation. makeInvertible must be called first.");
            });
        }
        return out.build();
    }

    static Op stripInvertible(Op op) {
        OpAppender out = new OpAppender();
        for (Component c : op) {
            out.append(c instanceof Delete d && d.isInvertible() ? Delete.count(d.length()) : c);
        }
        return out.build();
    }

    static boolean isInvertible(Op op) {
        for (Component c : op) {
            if (c instanceof Delete d && !d.isInvertible()) {
                return false;
            }
        }
        return true;
    }

    private static String deletedText(Document document, int from, int length) {
        if ((long) from + length > document.length()) {
            // The reference would quietly record a shorter text; that op could never apply, so say so now.
            throw new InvalidOpException("delete of " + length + " code points at " + from
                    + " runs past the end of the document (length " + document.length() + ")");
        }
        return document.slice(from, from + length);
    }
}
