package dev.vaporform.ot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One random scenario checked against the reference: ops {@code a} and {@code b} made concurrently on
 * {@code doc}, op {@code c} made after {@code a}, cursors, and a raw component list. {@link #FIELDS} and
 * {@link #ourAnswers()} follow the order of {@code FIELDS} in {@code src/test/node/oracle.js}.
 */
record DifferentialCase(long id, String doc, Op a, Op b, Op c, Side side, int cursor, int anchor,
                        List<Component> raw) {

    static final List<String> FIELDS = List.of("apply(doc,a)", "apply(doc,b)", "transform(a,b,side)",
            "transform(b,a,opposite side)", "compose(a,c)", "apply(apply(doc,a),c)", "transformPosition(cursor,a)",
            "transformSelection([anchor,cursor],b)", "normalize(raw)", "makeInvertible(a,doc)",
            "invertWithDoc(b,doc)", "stripInvertible(a)", "isInvertible(b)");

    static DifferentialCase random(long id, RandomOps ops) {
        RandomText.Flavour flavour = ops.flavour();
        String doc = ops.document(flavour);
        Op a = ops.op(doc, flavour);
        Op b = ops.op(doc, flavour);
        Op c = ops.op(TextUnicode.apply(doc, a), flavour);
        return new DifferentialCase(id, doc, a, b, c, ops.side(), ops.position(doc), ops.position(doc),
                ops.raw(flavour));
    }

    /** The request line for the oracle; also what a failure prints so the case can be replayed. */
    String toJson() {
        return "{\"id\":" + id + ",\"doc\":" + JsonWriter.quote(doc) + ",\"a\":" + a.toJson() + ",\"b\":"
                + b.toJson() + ",\"c\":" + c.toJson() + ",\"side\":\"" + side.toJson() + "\",\"cursor\":" + cursor
                + ",\"anchor\":" + anchor + ",\"raw\":" + OpJson.print(raw) + "}";
    }

    /** Our results, printed as the oracle prints the reference's. */
    List<String> ourAnswers() {
        Document document = Document.of(doc);
        List<Supplier<String>> answers = List.of(
                () -> JsonWriter.quote(document.apply(a).toString()),
                () -> JsonWriter.quote(document.apply(b).toString()),
                () -> TextUnicode.transform(a, b, side).toJson(),
                () -> TextUnicode.transform(b, a, side.opposite()).toJson(),
                () -> TextUnicode.compose(a, c).toJson(),
                () -> JsonWriter.quote(document.apply(a).apply(c).toString()),
                () -> Integer.toString(TextUnicode.transformPosition(cursor, a)),
                () -> selection(TextUnicode.transformSelection(new Selection(anchor, cursor), b)),
                () -> TextUnicode.normalize(raw).toJson(),
                () -> TextUnicode.makeInvertible(a, document).toJson(),
                () -> TextUnicode.invertWithDoc(b, document).toJson(),
                () -> TextUnicode.stripInvertible(a).toJson(),
                () -> Boolean.toString(TextUnicode.isInvertible(b)));
        List<String> out = new ArrayList<>(answers.size());
        for (Supplier<String> answer : answers) {
            out.add(attempt(answer));
        }
        return out;
    }

    private static String attempt(Supplier<String> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return "{\"error\":" + JsonWriter.quote(e.getClass().getSimpleName() + ": " + e.getMessage()) + "}";
        }
    }

    private static String selection(Selection s) {
        return "[" + s.anchor() + "," + s.focus() + "]";
    }
}
