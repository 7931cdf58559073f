package dev.vaporform.ot;

/**
 * A node of the persistent AVL rope behind {@link Document}. Every node knows its length in code points, so
 * finding a code-point position costs O(log n) whatever mix of ASCII and emoji the document holds.
 */
sealed interface RopeNode permits RopeNode.Leaf, RopeNode.Branch {

    int codePoints();

    int units();

    int height();

    void appendTo(StringBuilder out);

    /** A run of text, at most {@link Rope#MAX_LEAF_UNITS} UTF-16 units, never splitting a surrogate pair. */
    record Leaf(String text, int codePoints) implements RopeNode {

        static Leaf of(String text) {
            return new Leaf(text, CodePoints.count(text));
        }

        @Override
        public int units() {
            return text.length();
        }

        @Override
        public int height() {
            return 1;
        }

        @Override
        public void appendTo(StringBuilder out) {
            out.append(text);
        }
    }

    /** Two subtrees whose heights differ by at most one, with their totals cached. */
    record Branch(RopeNode left, RopeNode right, int codePoints, int units, int height) implements RopeNode {

        Branch(RopeNode left, RopeNode right) {
            this(left, right, left.codePoints() + right.codePoints(), left.units() + right.units(),
                    Math.max(left.height(), right.height()) + 1);
        }

        @Override
        public void appendTo(StringBuilder out) {
            left.appendTo(out);
            right.appendTo(out);
        }
    }
}
