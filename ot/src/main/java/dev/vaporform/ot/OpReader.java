package dev.vaporform.ot;

/**
 * Walks an op in chunks, the reference's {@code makeTake}. Transform keeps inserts whole and splits deletes;
 * compose does the opposite. Past the end the op behaves as an endless skip.
 */
final class OpReader {

    private final Op op;
    private final boolean keepInsertsWhole;
    private int index;
    /** Code points already taken from the current component. */
    private int offset;
    /** The same position in UTF-16 units, for components that carry text. */
    private int unitOffset;

    private OpReader(Op op, boolean keepInsertsWhole) {
        this.op = op;
        this.keepInsertsWhole = keepInsertsWhole;
    }

    static OpReader forTransform(Op op) {
        return new OpReader(op, true);
    }

    static OpReader forCompose(Op op) {
        return new OpReader(op, false);
    }

    /** The next component, whole, or null at the end. */
    Component peek() {
        return index < op.size() ? op.get(index) : null;
    }

    /** Up to {@code n} code points of the op (an indivisible component may be longer). */
    Component take(int n) {
        if (index == op.size()) {
            return new Skip(n);
        }
        Component c = op.get(index);
        int left = lengthOf(c) - offset;
        boolean whole = left <= n || (keepInsertsWhole ? c instanceof Insert : c instanceof Delete);
        return whole ? takeRest() : takePart(c, n);
    }

    /** The rest of the current component, or null at the end. */
    Component takeRest() {
        if (index == op.size()) {
            return null;
        }
        Component c = op.get(index);
        Component rest = offset == 0 ? c : remainder(c);
        index++;
        offset = 0;
        unitOffset = 0;
        return rest;
    }

    private Component remainder(Component c) {
        int left = lengthOf(c) - offset;
        return switch (c) {
            case Skip s -> new Skip(left);
            case Insert i -> Insert.trusted(i.text().substring(unitOffset), left);
            case Delete d -> d.isInvertible()
                    ? Delete.trustedText(d.textOrNull().substring(unitOffset), left)
                    : Delete.count(left);
        };
    }

    private Component takePart(Component c, int n) {
        offset += n;
        return switch (c) {
            case Skip s -> new Skip(n);
            case Insert i -> Insert.trusted(nextUnits(i.text(), n), n);
            case Delete d -> d.isInvertible() ? Delete.trustedText(nextUnits(d.textOrNull(), n), n) : Delete.count(n);
        };
    }

    private String nextUnits(String text, int codePoints) {
        int start = unitOffset;
        unitOffset = text.offsetByCodePoints(start, codePoints);
        return text.substring(start, unitOffset);
    }

    private static int lengthOf(Component c) {
        return switch (c) {
            case Skip s -> s.count();
            case Insert i -> i.length();
            case Delete d -> d.length();
        };
    }
}
