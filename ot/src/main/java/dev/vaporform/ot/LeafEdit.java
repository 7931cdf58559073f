package dev.vaporform.ot;

/**
 * The fast path for the edits a typing user makes: one insert and/or one delete at one place
 * ({@code [n, "x"]}, {@code [n, {"d": 1}]}, {@code [n, {"d": 2}, "ab"]}), landing inside one leaf. The leaf is
 * rewritten and its path copied, without the splits and joins of the general walk. Anything else, including
 * every op that would fail, returns null and takes the general path, which owns the error messages.
 */
final class LeafEdit {

    private final int position;
    private final int deleteLength;
    private final String deletedText;
    private final String insertText;
    private final int insertLength;

    private LeafEdit(int position, Delete delete, Insert insert) {
        this.position = position;
        this.deleteLength = delete == null ? 0 : delete.length();
        this.deletedText = delete == null ? null : delete.textOrNull();
        this.insertText = insert == null ? "" : insert.text();
        this.insertLength = insert == null ? 0 : insert.length();
    }

    /** The edited root, or null if the op is not a single local edit inside one leaf. */
    static RopeNode tryApply(RopeNode root, Op op) {
        LeafEdit edit = of(op);
        return edit == null || root == null ? null : edit.apply(root, edit.position);
    }

    private static LeafEdit of(Op op) {
        int first = op.size() > 0 && op.get(0) instanceof Skip ? 1 : 0;
        int position = first == 1 ? ((Skip) op.get(0)).count() : 0;
        int rest = op.size() - first;
        if (rest == 1) {
            Component c = op.get(first);
            return c instanceof Insert i ? new LeafEdit(position, null, i) : new LeafEdit(position, (Delete) c, null);
        }
        if (rest == 2 && op.get(first) instanceof Delete d && op.get(first + 1) instanceof Insert i) {
            return new LeafEdit(position, d, i);
        }
        if (rest == 2 && op.get(first) instanceof Insert i && op.get(first + 1) instanceof Delete d) {
            return new LeafEdit(position, d, i);
        }
        return null;
    }

    private RopeNode apply(RopeNode node, int at) {
        if (node instanceof RopeNode.Leaf leaf) {
            return edit(leaf, at);
        }
        RopeNode.Branch b = (RopeNode.Branch) node;
        int leftLength = b.left().codePoints();
        if (at + deleteLength <= leftLength) {
            RopeNode left = apply(b.left(), at);
            return left == null ? null : new RopeNode.Branch(left, b.right());
        }
        if (at >= leftLength) {
            RopeNode right = apply(b.right(), at - leftLength);
            return right == null ? null : new RopeNode.Branch(b.left(), right);
        }
        return null; // the delete straddles two subtrees
    }

    private RopeNode.Leaf edit(RopeNode.Leaf leaf, int at) {
        if (at + deleteLength > leaf.codePoints()) {
            return null;
        }
        String text = leaf.text();
        int start = text.offsetByCodePoints(0, at);
        int end = text.offsetByCodePoints(start, deleteLength);
        int units = text.length() - (end - start) + insertText.length();
        if (units == 0 || units > Rope.MAX_LEAF_UNITS) {
            return null; // an empty or overfull leaf is the general path's business
        }
        if (deletedText != null && !deletedText.contentEquals(text.subSequence(start, end))) {
            return null;
        }
        String edited = text.substring(0, start) + insertText + text.substring(end);
        return new RopeNode.Leaf(edited, leaf.codePoints() - deleteLength + insertLength);
    }
}
