package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rope document against a plain-string model, on documents big enough to span many leaves. */
class RopeProperties {

    @Provide
    Arbitrary<String> docs() {
        return OtArbitraries.documents(1500);
    }

    @Provide
    Arbitrary<List<List<OtArbitraries.Step>>> edits() {
        return OtArbitraries.steps().list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void ropeEditsMatchAPlainStringAndStayBalanced(@ForAll("docs") String doc,
            @ForAll("edits") List<List<OtArbitraries.Step>> edits) {
        Document rope = Document.of(doc);
        String model = doc;
        for (List<OtArbitraries.Step> steps : edits) {
            Op op = OtArbitraries.fit(model, scaled(steps, CodePoints.count(model)));
            rope = rope.apply(op);
            model = StringModel.apply(model, op);
        }
        assertThat(rope.toString()).isEqualTo(model);
        assertThat(rope.length()).isEqualTo(CodePoints.count(model));
        if (rope.root() != null) {
            assertBalanced(rope.root());
        }
    }

    /** Stretches skips so edits land all over a long document, not just near its start. */
    private static List<OtArbitraries.Step> scaled(List<OtArbitraries.Step> steps, int length) {
        return steps.stream().map(s -> s.kind() == 0
                ? new OtArbitraries.Step(0, s.size() * Math.max(1, length / 12), s.text(), s.keepsDeletedText())
                : s).toList();
    }

    private static int assertBalanced(RopeNode node) {
        if (node instanceof RopeNode.Branch b) {
            int left = assertBalanced(b.left());
            int right = assertBalanced(b.right());
            assertThat(Math.abs(left - right)).as("AVL balance").isLessThanOrEqualTo(1);
            assertThat(b.codePoints()).isEqualTo(b.left().codePoints() + b.right().codePoints());
            return Math.max(left, right) + 1;
        }
        RopeNode.Leaf leaf = (RopeNode.Leaf) node;
        assertThat(leaf.units()).isBetween(1, Rope.MAX_LEAF_UNITS);
        assertThat(leaf.codePoints()).isEqualTo(CodePoints.count(leaf.text()));
        return 1;
    }

    /** The obvious O(n) string implementation, as the model. */
    static final class StringModel {
        static String apply(String doc, Op op) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (Component c : op) {
                switch (c) {
                    case Skip s -> {
                        int end = doc.offsetByCodePoints(at, s.count());
                        out.append(doc, at, end);
                        at = end;
                    }
                    case Insert i -> out.append(i.text());
                    case Delete d -> at = doc.offsetByCodePoints(at, d.length());
                }
            }
            return out.append(doc, at, doc.length()).toString();
        }
    }
}
