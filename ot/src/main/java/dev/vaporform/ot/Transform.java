package dev.vaporform.ot;

/**
 * Rewrites an op so it applies after a concurrent one; a line-for-line port of the reference's
 * {@code transform}, because ShareDB clients compare results to the exact component.
 */
final class Transform {

    private final OpReader reader;
    private final OpAppender out = new OpAppender();
    private final Side side;

    private Transform(Op op, Side side) {
        this.reader = OpReader.forTransform(op);
        this.side = side;
    }

    static Op transform(Op op, Op other, Side side) {
        Transform t = new Transform(op, side);
        // Once op is used up, the rest of other could only add skips, which end up trimmed: stop early.
        for (int i = 0; i < other.size() && !t.reader.isDone(); i++) {
            Component c = other.get(i);
            if (c instanceof Skip s) {
                t.passOver(s.count());
            } else if (c instanceof Insert ins) {
                t.skipInserted(ins);
            } else {
                t.dropDeleted(((Delete) c).length());
            }
        }
        Component rest;
        while ((rest = t.reader.takeRest()) != null) {
            t.out.append(rest);
        }
        return t.out.build();
    }

    /** The other op kept {@code length} code points: our components over them pass through. */
    private void passOver(int length) {
        while (length > 0) {
            Component c = reader.take(length);
            out.append(c);
            length -= OpReader.preLength(c);
        }
    }

    /** The other op inserted text: skip it, after our own insert if we win the tie. */
    private void skipInserted(Insert inserted) {
        if (side == Side.LEFT && reader.peek() instanceof Insert) {
            out.append(reader.takeRest());
        }
        out.skip(inserted.length());
    }

    /** The other op deleted {@code length} code points: our skips and deletes there vanish, inserts stay. */
    private void dropDeleted(int length) {
        while (length > 0) {
            Component c = reader.take(length);
            if (c instanceof Insert) {
                out.append(c);
            } else {
                length -= OpReader.preLength(c);
            }
        }
    }
}
