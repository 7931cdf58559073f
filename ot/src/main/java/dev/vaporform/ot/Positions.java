package dev.vaporform.ot;

/** Moves cursors over an op, exactly as the reference's {@code transformPosition}. */
final class Positions {

    private Positions() {
    }

    /**
     * Text inserted at the cursor lands after it (the cursor stays put); a cursor inside deleted text moves to
     * the start of the deletion.
     */
    static int transform(int cursor, Op op) {
        if (cursor < 0) {
            throw new InvalidOpException("cursor must not be negative, got " + cursor);
        }
        long pos = 0;
        long moved = cursor;
        for (int i = 0; i < op.size() && moved > pos; i++) {
            switch (op.get(i)) {
                case Skip s -> pos += s.count();
                case Insert ins -> {
                    pos += ins.length();
                    moved += ins.length();
                }
                case Delete d -> moved -= Math.min(d.length(), moved - pos);
            }
        }
        if (moved > Integer.MAX_VALUE) {
            throw new InvalidOpException("cursor moved past " + Integer.MAX_VALUE + " code points");
        }
        return (int) moved;
    }
}
