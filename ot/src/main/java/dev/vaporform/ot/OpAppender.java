package dev.vaporform.ot;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a normalised op the way the reference's {@code makeAppend} and {@code trim} do: adjacent components of
 * the same kind merge (two text deletes keep their text, any other delete pair becomes a count), and one
 * trailing skip is dropped. Output equality with the reference depends on following it exactly.
 */
final class OpAppender {

    private final List<Component> out = new ArrayList<>();

    /** Appends {@code component}; null is ignored, as the reference ignores falsy components. */
    void append(Component component) {
        if (component == null) {
            return;
        }
        if (out.isEmpty()) {
            out.add(component);
            return;
        }
        int last = out.size() - 1;
        Component merged = merge(out.get(last), component);
        if (merged == null) {
            out.add(component);
        } else {
            out.set(last, merged);
        }
    }

    void skip(int count) {
        if (count > 0) {
            append(new Skip(count));
        }
    }

    /** The op built so far without its trailing skip. */
    Op build() {
        if (!out.isEmpty() && out.getLast() instanceof Skip) {
            out.removeLast();
        }
        return Op.trusted(out);
    }

    private static Component merge(Component last, Component next) {
        return switch (last) {
            case Skip a when next instanceof Skip b -> new Skip(add(a.count(), b.count()));
            case Insert a when next instanceof Insert b -> Insert.trusted(a.text() + b.text(), add(a.length(), b.length()));
            case Delete a when next instanceof Delete b -> mergeDeletes(a, b);
            default -> null;
        };
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
