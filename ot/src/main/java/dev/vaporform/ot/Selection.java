package dev.vaporform.ot;

/**
 * A selection as the reference models it: an anchor and a focus in code points; the focus may come before
 * the anchor. A caret is a selection whose ends coincide.
 *
 * @param anchor where the selection started, never negative
 * @param focus  where the selection ends (the caret side), never negative
 */
public record Selection(int anchor, int focus) {

    /** @throws InvalidOpException if either end is negative */
    public Selection {
        if (anchor < 0 || focus < 0) {
            throw new InvalidOpException("selection ends must not be negative, got [" + anchor + "," + focus + "]");
        }
    }

    /** A collapsed selection at {@code position}. */
    public static Selection caret(int position) {
        return new Selection(position, position);
    }

    /** True when anchor and focus coincide. */
    public boolean isCaret() {
        return anchor == focus;
    }
}
