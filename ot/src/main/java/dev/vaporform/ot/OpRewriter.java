package dev.vaporform.ot;

import java.util.Arrays;

/**
 * Reads one op in chunks while appending to a normalised output op: the state shared by {@link Transform}
 * and {@link Compose}. Reading follows the reference's {@code makeTake}: transform keeps inserts whole and
 * splits deletes, compose does the opposite, and past its end the op reads as an endless skip. Appending
 * follows {@code makeAppend} and {@code trim}: adjacent components of one kind merge (two text deletes keep
 * their text, any other pair of deletes becomes a count) and one trailing skip is dropped.
 *
 * <p>Reader and appender live in one object, and dispatch uses instanceof chains rather than pattern
 * switches or interface calls, because this is the innermost loop of transform and compose and each saved
 * allocation shows in their throughput.
 */
abstract class OpRewriter {

    private final Op input;
    private final boolean keepInsertsWhole;
    private int index;
    /** Code points already taken from the current input component. */
    private int offset;
    /** The same position in UTF-16 units, for components that carry text. */
    private int unitOffset;

    private Component[] out;
    private int size;

    OpRewriter(Op input, boolean keepInsertsWhole, int expectedSize) {
        this.input = input;
        this.keepInsertsWhole = keepInsertsWhole;
        this.out = new Component[Math.max(4, expectedSize)];
    }

    // ---- reading the input op

    /** True once every input component has been taken; from here on the input is an endless skip. */
    final boolean isDone() {
        return index == input.size();
    }

    /** The next input component, whole, or null at the end. */
    final Component peek() {
        return index < input.size() ? input.get(index) : null;
    }

    /** Up to {@code n} code points of the input (an indivisible component may be longer). */
    final Component take(int n) {
        if (index == input.size()) {
            return Skip.of(n);
        }
        Component c = input.get(index);
        boolean indivisible = keepInsertsWhole ? c instanceof Insert : c instanceof Delete;
        return indivisible || lengthOf(c) - offset <= n ? takeRest() : takePart(c, n);
    }

    /** The rest of the current input component, or null at the end. */
    final Component takeRest() {
        if (index == input.size()) {
            return null;
        }
        Component c = input.get(index);
        Component rest = offset == 0 ? c : remainder(c);
        index++;
        offset = 0;
        unitOffset = 0;
        return rest;
    }

    private Component remainder(Component c) {
        int left = lengthOf(c) - offset;
        if (c instanceof Skip) {
            return Skip.of(left);
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
            return Skip.of(n);
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

    // ---- writing the output op

    /** Appends {@code component}, merging it into the last one if they are of one kind; null is ignored. */
    final void append(Component component) {
        if (component == null) {
            return;
        }
        Component merged = size == 0 ? null : OpAppender.merge(out[size - 1], component);
        if (merged != null) {
            out[size - 1] = merged;
            return;
        }
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = component;
    }

    final void appendSkip(int count) {
        if (count > 0) {
            append(Skip.of(count));
        }
    }

    /** Appends what is left of the input, then returns the output without its trailing skip. */
    final Op finish() {
        Component rest;
        while ((rest = takeRest()) != null) {
            append(rest);
        }
        if (size > 0 && out[size - 1] instanceof Skip) {
            size--;
        }
        return Op.trusted(size == out.length ? out : Arrays.copyOf(out, size));
    }

    // ---- lengths without interface calls

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
