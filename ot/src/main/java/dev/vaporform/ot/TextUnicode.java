package dev.vaporform.ot;

import java.util.List;

/**
 * The {@code text-unicode} OT type, behaving like npm {@code ot-text-unicode@4.0.0} on every input the
 * reference handles correctly, and rejecting with a message the inputs it accepts by accident (see the module
 * README's leniency list). Positions and lengths count code points. Stateless and thread-safe.
 */
public final class TextUnicode {

    /** The type's name, as ShareDB registers it. */
    public static final String NAME = "text-unicode";
    /** The type's URI, as ShareDB sends it on the wire. */
    public static final String URI = "http://sharejs.org/types/text-unicode";

    private TextUnicode() {
    }

    /**
     * Strict check: wraps {@code components} as an op if they form one.
     *
     * @throws InvalidOpException naming the first offending component
     */
    public static Op check(List<? extends Component> components) {
        return Op.of(components);
    }

    /**
     * Merges adjacent components of one kind and drops a trailing skip, exactly as the reference does; merging
     * a text delete with a count delete discards the text.
     */
    public static Op normalize(List<? extends Component> components) {
        OpAppender out = new OpAppender();
        for (Component c : components) {
            out.append(c);
        }
        return out.build();
    }

    /**
     * Applies {@code op} to {@code document}; see {@link Document#apply(Op)}.
     *
     * @throws InvalidOpException if the op does not fit the document
     */
    public static Document apply(Document document, Op op) {
        return document.apply(op);
    }

    /** Applies {@code op} to a string; convenient for small documents and tests. */
    public static String apply(String document, Op op) {
        return Document.of(document).apply(op).toString();
    }

    /**
     * Rewrites {@code op} so it applies after {@code other}, both made against the same document.
     * Convergence: {@code apply(apply(d, a), transform(b, a, LEFT)) == apply(apply(d, b), transform(a, b, RIGHT))}.
     *
     * @param side whose insert goes first when both insert at one place: {@code LEFT} means {@code op}'s
     */
    public static Op transform(Op op, Op other, Side side) {
        return Transform.transform(op, other, side);
    }

    /** One op with the effect of {@code first} then {@code second}: {@code apply(compose(a, b)) == apply(b, apply(a))}. */
    public static Op compose(Op first, Op second) {
        return Compose.compose(first, second);
    }

    /**
     * Where a cursor at {@code cursor} ends up after {@code op}. Text inserted exactly at the cursor goes after
     * it; a cursor inside deleted text moves to the deletion's start. A cursor inside the document stays inside.
     *
     * @throws InvalidOpException if {@code cursor} is negative
     */
    public static int transformPosition(int cursor, Op op) {
        return Positions.transform(cursor, op);
    }

    /** Transforms both ends of {@code selection} independently, as the reference does. */
    public static Selection transformSelection(Selection selection, Op op) {
        int anchor = Positions.transform(selection.anchor(), op);
        int focus = selection.isCaret() ? anchor : Positions.transform(selection.focus(), op);
        return new Selection(anchor, focus);
    }

    /**
     * Replaces every {@code {"d": N}} in {@code op} with the text it deletes from {@code document}.
     *
     * @throws InvalidOpException if a delete runs past the end of {@code document}
     */
    public static Op makeInvertible(Op op, Document document) {
        return Inversion.makeInvertible(op, document);
    }

    /**
     * The op that undoes {@code op}: inserts become deletes and text deletes become inserts.
     *
     * @throws InvalidOpException if {@code op} has a {@code {"d": N}} (call {@link #makeInvertible} first)
     */
    public static Op invert(Op op) {
        return Inversion.invert(op);
    }

    /** {@code invert(makeInvertible(op, document))}. */
    public static Op invertWithDoc(Op op, Document document) {
        return invert(makeInvertible(op, document));
    }

    /** Replaces every {@code {"d": "text"}} with {@code {"d": N}}. */
    public static Op stripInvertible(Op op) {
        return Inversion.stripInvertible(op);
    }

    /** True when {@code op} has no {@code {"d": N}}, so {@link #invert} will succeed. */
    public static boolean isInvertible(Op op) {
        return Inversion.isInvertible(op);
    }

    /** True for {@code []}. */
    public static boolean isNoop(Op op) {
        return op.isNoop();
    }
}
