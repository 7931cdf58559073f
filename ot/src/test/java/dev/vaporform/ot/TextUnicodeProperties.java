package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The algebra the collaboration server relies on, checked on generated documents and concurrent ops. */
class TextUnicodeProperties {

    @Provide
    Arbitrary<String> docs() {
        return OtArbitraries.documents(25);
    }

    @Provide
    Arbitrary<List<OtArbitraries.Step>> steps() {
        return OtArbitraries.steps();
    }

    @Property(tries = 3000)
    void concurrentOpsConvergeWhenEachIsTransformedAgainstTheOther(@ForAll("docs") String doc,
            @ForAll("steps") List<OtArbitraries.Step> aSteps, @ForAll("steps") List<OtArbitraries.Step> bSteps) {
        Op a = OtArbitraries.fit(doc, aSteps);
        Op b = OtArbitraries.fit(doc, bSteps);
        Document base = Document.of(doc);

        Document viaA = base.apply(a).apply(TextUnicode.transform(b, a, Side.LEFT));
        Document viaB = base.apply(b).apply(TextUnicode.transform(a, b, Side.RIGHT));

        assertThat(viaA).isEqualTo(viaB);
    }

    @Property(tries = 3000)
    void composedOpAppliesLikeTheTwoOpsInTurn(@ForAll("docs") String doc,
            @ForAll("steps") List<OtArbitraries.Step> aSteps, @ForAll("steps") List<OtArbitraries.Step> bSteps) {
        Op a = OtArbitraries.fit(doc, aSteps);
        Document afterA = Document.of(doc).apply(a);
        Op b = OtArbitraries.fit(afterA.toString(), bSteps);

        assertThat(Document.of(doc).apply(TextUnicode.compose(a, b))).isEqualTo(afterA.apply(b));
    }

    @Property(tries = 2000)
    void invertingAnAppliedOpRestoresTheDocument(@ForAll("docs") String doc,
            @ForAll("steps") List<OtArbitraries.Step> steps) {
        Document before = Document.of(doc);
        Op op = OtArbitraries.fit(doc, steps);
        Op inverse = TextUnicode.invertWithDoc(op, before);

        assertThat(before.apply(op).apply(inverse)).isEqualTo(before);
        assertThat(TextUnicode.invert(inverse)).isEqualTo(TextUnicode.makeInvertible(op, before));
    }

    @Property(tries = 3000)
    void cursorsNeverLeaveTheDocument(@ForAll("docs") String doc, @ForAll("steps") List<OtArbitraries.Step> steps,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        Op op = OtArbitraries.fit(doc, steps);
        int length = CodePoints.count(doc);
        int cursor = (int) ((long) length * permille / 1000);

        int moved = TextUnicode.transformPosition(cursor, op);

        assertThat(moved).isBetween(0, Document.of(doc).apply(op).length());
    }

    @Property(tries = 2000)
    void transformKeepsOpsInvertibleWhenBothInputsAre(@ForAll("docs") String doc,
            @ForAll("steps") List<OtArbitraries.Step> aSteps, @ForAll("steps") List<OtArbitraries.Step> bSteps) {
        Document base = Document.of(doc);
        Op a = TextUnicode.makeInvertible(OtArbitraries.fit(doc, aSteps), base);
        Op b = TextUnicode.makeInvertible(OtArbitraries.fit(doc, bSteps), base);

        assertThat(TextUnicode.isInvertible(TextUnicode.transform(a, b, Side.LEFT))).isTrue();
        assertThat(TextUnicode.isInvertible(TextUnicode.compose(a, TextUnicode.invert(a)))).isTrue();
    }

    @Property(tries = 2000)
    void opsSurviveAJsonRoundTrip(@ForAll("docs") String doc, @ForAll("steps") List<OtArbitraries.Step> steps) {
        Op op = OtArbitraries.fit(doc, steps);

        assertThat(Op.fromJson(op.toJson())).isEqualTo(op);
        assertThat(Op.fromJsonValue(op.toJsonValue())).isEqualTo(op);
    }
}
