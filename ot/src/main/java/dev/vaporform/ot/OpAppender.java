package dev.vaporform.ot;

import java.util.Arrays;

/**
 * Builds a normalised op the way the reference's {@code makeAppend} and {@code trim} do: adjacent components of
 * the same kind merge (two text deletes keep their text, any other delete pair becomes a count), and one
 * trailing skip is dropped. Output equality with the reference depends on following it exactly. Used by
 * normalize and the invert family; transform and compose append through {@link OpRewriter}.
 */
final class OpAppender {

    private Component[] out = new Component[8];
    private int size;

    /** Appends {@code component}; null is ignored, as the reference ignores falsy components. */
    void append(Component component) {
        if (component == null) {
            return;
        }
        Component merged = size == 0 ? null : merge(out[size - 1], component);
        if (merged != null) {
            out[size - 1] = merged;
            return;
        }
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = component;
    }

    /** The op built so far without its trailing skip. */
    Op build() {
        if (size > 0 && out[size - 1] instanceof Skip) {
            size--;
        }
        return Op.trusted(Arrays.copyOf(out, size));
    }

    /**
     * The merge of two adjacent components of one kind, or null if they are of different kinds. Instanceof
     * chains rather than a pattern switch: this runs for every component of every transform.
     */
    static Component merge(Component last, Component next) {
        if (last instanceof Skip a) {
            return next instanceof Skip b ? Skip.of(add(a.count(), b.count())) : null;
        }
        if (last instanceof Insert a) {
            return next instanceof Insert b ? Insert.trusted(a.text() + b.text(), add(a.length(), b.length())) : null;
        }
        return next instanceof Delete b ? mergeDeletes((Delete) last, b) : null;
    }

    private static Delete mergeDeletes(Delete a, Delete b) {
        int length = add(a.length(), b.length());
        if (a.isInvertible() && b.isInvertible()) {
            return Delete.trustedText(a.textOrNull() + b.textOrNull(), length);
        }
        // The reference discards the recorded text as soon as one side lacks it.
        return Delete.count(length);
    }

    private static int add(int a, int b) {
        long sum = (long) a + b;
        if (sum > Integer.MAX_VALUE) {
            throw new InvalidOpException("op spans more than " + Integer.MAX_VALUE + " code points");
        }
        return (int) sum;
    }
}
