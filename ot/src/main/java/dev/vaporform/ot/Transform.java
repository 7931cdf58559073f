package dev.vaporform.ot;

/**
 * Rewrites an op so it applies after a concurrent one; a line-for-line port of the reference's
 * {@code transform}, because ShareDB clients compare results to the exact component.
 */
final class Transform extends OpRewriter {

    private final Side side;

    private Transform(Op op, Side side) {
        super(op, true, op.size() + 2);
        this.side = side;
    }

    static Op transform(Op op, Op other, Side side) {
        Transform t = new Transform(op, side);
        // Once op is used up, the rest of other could only add skips, which end up trimmed: stop early.
        for (int i = 0; i < other.size() && !t.isDone(); i++) {
            Component c = other.get(i);
            if (c instanceof Skip s) {
                t.passOver(s.count());
            } else if (c instanceof Insert ins) {
                t.skipInserted(ins);
            } else {
                t.dropDeleted(((Delete) c).length());
            }
        }
        return t.finish();
    }

    /** The other op kept {@code length} code points: our components over them pass through. */
    private void passOver(int length) {
        while (length > 0) {
            Component c = take(length);
            append(c);
            length -= preLength(c);
        }
    }

    /** The other op inserted text: skip it, after our own insert if we win the tie. */
    private void skipInserted(Insert inserted) {
        if (side == Side.LEFT && peek() instanceof Insert) {
            append(takeRest());
        }
        appendSkip(inserted.length());
    }

    /** The other op deleted {@code length} code points: our skips and deletes there vanish, inserts stay. */
    private void dropDeleted(int length) {
        while (length > 0) {
            Component c = take(length);
            if (c instanceof Insert) {
                append(c);
            } else {
                length -= preLength(c);
            }
        }
    }
}
