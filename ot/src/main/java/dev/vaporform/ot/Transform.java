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
        for (Component c : other) {
            switch (c) {
                case Skip s -> t.passOver(s.count());
                case Insert i -> t.skipInserted(i);
                case Delete d -> t.dropDeleted(d.length());
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
            length -= c.preLength();
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
                length -= c.preLength();
            }
        }
    }
}
