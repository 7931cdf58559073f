package dev.vaporform.ot;

/**
 * Walks an op in chunks, the reference's {@code makeTake}. Transform keeps inserts whole and splits deletes;
 * compose does the opposite. Past the end the op behaves as an endless skip. Dispatch is by instanceof chains,
 * not pattern switches or interface calls, because this is the innermost loop of transform and compose.
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

    /** True once every component has been taken; from here on the op is an endless skip. */
    boolean isDone() {
        return index == op.size();
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
        boolean indivisible = keepInsertsWhole ? c instanceof Insert : c instanceof Delete;
        return indivisible || lengthOf(c) - offset <= n ? takeRest() : takePart(c, n);
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
        if (c instanceof Skip) {
            return new Skip(left);
        }
        if (c instanceof Insert i) {
            return Insert.trusted(i.text().substring(unitOffset), left);
        }
        Delete d = (Delete) c;
        return d.isInvertible() ? Delete.trustedText(d.textOrNull().substring(unitOffset), left) : Delete.count(left);
    }

    private Component takePart(Component c, int n) {
        offset += n;
        if (c instanceof Skip) {
            return new Skip(n);
        }
        if (c instanceof Insert i) {
            return Insert.trusted(nextUnits(i.text(), n), n);
        }
        Delete d = (Delete) c;
        return d.isInvertible() ? Delete.trustedText(nextUnits(d.textOrNull(), n), n) : Delete.count(n);
    }

    private String nextUnits(String text, int codePoints) {
        int start = unitOffset;
        unitOffset = text.offsetByCodePoints(start, codePoints);
        return text.substring(start, unitOffset);
    }

    static int lengthOf(Component c) {
        if (c instanceof Skip s) {
            return s.count();
        }
        return c instanceof Insert i ? i.length() : ((Delete) c).length();
    }

    static int preLength(Component c) {
        if (c instanceof Skip s) {
            return s.count();
        }
        return c instanceof Delete d ? d.length() : 0;
    }

    static int postLength(Component c) {
        if (c instanceof Skip s) {
            return s.count();
        }
        return c instanceof Insert i ? i.length() : 0;
    }
}
