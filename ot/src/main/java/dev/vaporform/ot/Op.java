package dev.vaporform.ot;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An immutable, checked text-unicode operation: a list of {@link Component}s walked from the start of the
 * document. Every instance satisfies the strict check: components are individually valid, no two skips are
 * adjacent and the op does not end with a skip. Adjacent inserts or deletes are allowed, as in the reference;
 * {@link TextUnicode#normalize(List)} merges them.
 *
 * <p>JSON form (exactly the reference's): {@code [3, "ab", {"d": 2}, {"d": "xy"}]}.
 */
public final class Op implements Iterable<Component> {

    private static final Op NOOP = new Op(new Component[0]);

    /** Never modified after construction; an array rather than a list because transform and compose live here. */
    private final Component[] components;

    private Op(Component[] components) {
        this.components = components;
    }

    /** The op that changes nothing, {@code []}. */
    public static Op noop() {
        return NOOP;
    }

    /**
     * Checks {@code components} strictly and wraps them as an op.
     *
     * @throws InvalidOpException naming the first offending component: a null, adjacent skips, a trailing skip,
     *                            or an op longer than {@link Integer#MAX_VALUE} code points
     */
    public static Op of(List<? extends Component> components) {
        Component[] copy = components.toArray(new Component[0]);
        OpCheck.check(copy);
        return copy.length == 0 ? NOOP : new Op(copy);
    }

    /** Same as {@link #of(List)}. */
    public static Op of(Component... components) {
        return of(Arrays.asList(components));
    }

    /** For component arrays built by {@link OpAppender}, which are valid by construction and not shared. */
    static Op trusted(Component[] components) {
        return components.length == 0 ? NOOP : new Op(components);
    }

    /**
     * Parses the reference's JSON form and checks it strictly.
     *
     * @throws InvalidOpException if the text is not JSON or the op breaks a rule; the message says which
     */
    public static Op fromJson(String json) {
        return of(OpJson.parseComponents(json));
    }

    /**
     * Converts an already-parsed JSON value (a {@link List} of {@link Number}, {@link String} and
     * {@link java.util.Map} elements, as produced by a generic JSON library) and checks it strictly.
     *
     * @throws InvalidOpException if the value is not a valid op
     */
    public static Op fromJsonValue(Object value) {
        return of(OpJson.components(value));
    }

    /** An op inserting {@code text} at code point {@code position}; {@code []} if text is empty. */
    public static Op insert(int position, String text) {
        if (text.isEmpty()) {
            return NOOP;
        }
        return position == 0 ? of(new Insert(text)) : of(new Skip(position), new Insert(text));
    }

    /** An op deleting {@code count} code points at {@code position}; {@code []} if count is zero. */
    public static Op delete(int position, int count) {
        if (count == 0) {
            return NOOP;
        }
        return position == 0 ? of(Delete.count(count)) : of(new Skip(position), Delete.count(count));
    }

    /** The op as the reference prints it, e.g. {@code [3,"ab",{"d":2}]}, byte for byte. */
    public String toJson() {
        return OpJson.print(components());
    }

    /** The op as plain Java values (Integer, String, {@code Map.of("d", …)}) for embedding in a JSON tree. */
    public List<Object> toJsonValue() {
        return OpJson.toValue(this);
    }

    /** The components, as an unmodifiable list. */
    public List<Component> components() {
        return Collections.unmodifiableList(Arrays.asList(components));
    }

    /** Number of components. */
    public int size() {
        return components.length;
    }

    /** Component at {@code index}. */
    public Component get(int index) {
        return components[index];
    }

    /** True for {@code []}, the op that changes nothing. */
    public boolean isNoop() {
        return components.length == 0;
    }

    @Override
    public Iterator<Component> iterator() {
        return components().iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Op that && Arrays.equals(components, that.components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    /** The JSON form, so logs and assertion messages show what a client would send. */
    @Override
    public String toString() {
        return toJson();
    }
}
