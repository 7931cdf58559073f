package dev.vaporform.ot;

import java.util.ArrayList;
import java.util.List;

/**
 * Join and split on persistent AVL ropes (null is the empty rope). Both cost O(log n) and copy only the
 * touched path, so old versions of a document stay valid and can be read concurrently.
 */
final class Rope {

    /** Leaves stay small enough that scanning one for a code-point offset is cheap. */
    static final int MAX_LEAF_UNITS = 512;

    private Rope() {
    }

    /** A balanced rope holding {@code text}, which must be well-formed. */
    static RopeNode of(String text) {
        List<RopeNode> leaves = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + MAX_LEAF_UNITS, text.length());
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end--; // keep the pair together
            }
            leaves.add(RopeNode.Leaf.of(text.substring(start, end)));
            start = end;
        }
        return balanced(leaves, 0, leaves.size());
    }

    private static RopeNode balanced(List<RopeNode> leaves, int from, int to) {
        if (to - from == 0) {
            return null;
        }
        if (to - from == 1) {
            return leaves.get(from);
        }
        int mid = (from + to) >>> 1;
        return new RopeNode.Branch(balanced(leaves, from, mid), balanced(leaves, mid, to));
    }

    /**
     * Concatenates two ropes, first merging the leaves that meet at the seam when they fit in one leaf, so
     * that repeated edits at one place do not leave a trail of tiny leaves.
     */
    static RopeNode concat(RopeNode left, RopeNode right) {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        RopeNode.Leaf last = lastLeaf(left);
        RopeNode.Leaf first = firstLeaf(right);
        if (last.units() + first.units() > MAX_LEAF_UNITS) {
            return join(left, right);
        }
        RopeNode.Leaf merged = new RopeNode.Leaf(last.text() + first.text(), last.codePoints() + first.codePoints());
        return join(replaceLastLeaf(left, merged), split(right, first.codePoints()).right());
    }

    /** Splits {@code node} into the first {@code at} code points and the rest; {@code at} must be in range. */
    static Halves split(RopeNode node, int at) {
        if (at == 0) {
            return new Halves(null, node);
        }
        if (at == node.codePoints()) {
            return new Halves(node, null);
        }
        return switch (node) {
            case RopeNode.Leaf leaf -> splitLeaf(leaf, at);
            case RopeNode.Branch b when at <= b.left().codePoints() -> {
                Halves h = split(b.left(), at);
                yield new Halves(h.left(), join(h.right(), b.right()));
            }
            case RopeNode.Branch b -> {
                Halves h = split(b.right(), at - b.left().codePoints());
                yield new Halves(join(b.left(), h.left()), h.right());
            }
        };
    }

    /** The two parts of a split; either may be null (empty). */
    record Halves(RopeNode left, RopeNode right) {
    }

    private static Halves splitLeaf(RopeNode.Leaf leaf, int at) {
        int unit = leaf.text().offsetByCodePoints(0, at);
        return new Halves(new RopeNode.Leaf(leaf.text().substring(0, unit), at),
                new RopeNode.Leaf(leaf.text().substring(unit), leaf.codePoints() - at));
    }

    /**
     * AVL join: descends the taller side until heights meet. The result's height is within one of the taller
     * input, so {@link #balance} never sees a difference above two.
     */
    static RopeNode join(RopeNode left, RopeNode right) {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        if (left instanceof RopeNode.Leaf a && right instanceof RopeNode.Leaf b) {
            return a.units() + b.units() <= MAX_LEAF_UNITS
                    ? new RopeNode.Leaf(a.text() + b.text(), a.codePoints() + b.codePoints())
                    : new RopeNode.Branch(a, b);
        }
        if (left.height() > right.height()) {
            RopeNode.Branch b = (RopeNode.Branch) left;
            return balance(b.left(), join(b.right(), right));
        }
        if (right.height() > left.height()) {
            RopeNode.Branch b = (RopeNode.Branch) right;
            return balance(join(left, b.left()), b.right());
        }
        return new RopeNode.Branch(left, right);
    }

    /** A branch over {@code a} and {@code b}, rotated once or twice if their heights differ by two. */
    private static RopeNode balance(RopeNode a, RopeNode b) {
        if (a.height() > b.height() + 1) {
            RopeNode.Branch x = (RopeNode.Branch) a;
            if (x.left().height() >= x.right().height()) {
                return new RopeNode.Branch(x.left(), new RopeNode.Branch(x.right(), b));
            }
            RopeNode.Branch y = (RopeNode.Branch) x.right();
            return new RopeNode.Branch(new RopeNode.Branch(x.left(), y.left()), new RopeNode.Branch(y.right(), b));
        }
        if (b.height() > a.height() + 1) {
            RopeNode.Branch x = (RopeNode.Branch) b;
            if (x.right().height() >= x.left().height()) {
                return new RopeNode.Branch(new RopeNode.Branch(a, x.left()), x.right());
            }
            RopeNode.Branch y = (RopeNode.Branch) x.left();
            return new RopeNode.Branch(new RopeNode.Branch(a, y.left()), new RopeNode.Branch(y.right(), x.right()));
        }
        return new RopeNode.Branch(a, b);
    }

    private static RopeNode.Leaf lastLeaf(RopeNode node) {
        while (node instanceof RopeNode.Branch b) {
            node = b.right();
        }
        return (RopeNode.Leaf) node;
    }

    private static RopeNode.Leaf firstLeaf(RopeNode node) {
        while (node instanceof RopeNode.Branch b) {
            node = b.left();
        }
        return (RopeNode.Leaf) node;
    }

    private static RopeNode replaceLastLeaf(RopeNode node, RopeNode.Leaf leaf) {
        if (node instanceof RopeNode.Branch b) {
            return new RopeNode.Branch(b.left(), replaceLastLeaf(b.right(), leaf));
        }
        return leaf;
    }
}
