package dev.vaporform.ot;

import static dev.vaporform.ot.Side.LEFT;
import static dev.vaporform.ot.Side.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hand-picked vectors, most measured on the reference (collaboration research §1.3–§1.8, the reference's tests). */
class TextUnicodeExamplesTest {

    private static Op op(String json) {
        return Op.fromJson(json);
    }

    private static String normalize(String json) {
        return TextUnicode.normalize(OpJson.parseComponents(json)).toJson();
    }

    @Test
    void normalizeMergesLikeTheReference() {
        assertThat(normalize("[1,1]")).isEqualTo("[]");
        assertThat(normalize("[1,1,\"hi\"]")).isEqualTo("[2,\"hi\"]");
        assertThat(normalize("[{\"d\":1},{\"d\":1},\"hi\"]")).isEqualTo("[{\"d\":2},\"hi\"]");
        assertThat(normalize("[\"a\",100]")).isEqualTo("[\"a\"]");
        assertThat(normalize("[\"a\",\"b\"]")).isEqualTo("[\"ab\"]");
        assertThat(normalize("[\"a\",1,\"b\"]")).isEqualTo("[\"a\",1,\"b\"]");
        assertThat(normalize("[{\"d\":\"ab\"},{\"d\":\"cd\"}]")).isEqualTo("[{\"d\":\"abcd\"}]");
        assertThat(normalize("[{\"d\":\"ab\"},{\"d\":2}]")).isEqualTo("[{\"d\":4}]");
        assertThat(normalize("[{\"d\":1},\"a\"]")).isEqualTo("[{\"d\":1},\"a\"]");
    }

    @Test
    void applyCountsCodePointsAndSkipsExactlyToTheEnd() {
        assertThat(TextUnicode.apply("abc", op("[3,\"x\"]"))).isEqualTo("abcx");
        assertThat(TextUnicode.apply("😀b", op("[1,\"X\"]"))).isEqualTo("😀Xb");
        assertThat(TextUnicode.apply("a👩‍👩‍👧b", op("[1,{\"d\":5}]"))).isEqualTo("ab");
        assertThat(TextUnicode.apply("🇧🇪", op("[1,\"|\"]"))).isEqualTo("🇧|🇪");
    }

    @Test
    void rejectsASkipPastTheEndOfTheDocument() {
        assertThatThrownBy(() -> TextUnicode.apply("abc", op("[4,\"x\"]")))
                .isInstanceOf(InvalidOpException.class)
                .hasMessage("skip of 4 code points at 0 runs past the end of the document (3 code points left)");
    }

    @Test
    void transformBreaksInsertTiesBySide() {
        assertThat(TextUnicode.transform(op("[1,\"a\"]"), op("[1,\"b\"]"), LEFT)).isEqualTo(op("[1,\"a\"]"));
        assertThat(TextUnicode.transform(op("[1,\"a\"]"), op("[1,\"b\"]"), RIGHT)).isEqualTo(op("[2,\"a\"]"));
        assertThat(TextUnicode.transform(op("[\"👻\"]"), op("[\"🥰\"]"), RIGHT)).isEqualTo(op("[1,\"👻\"]"));
    }

    @Test
    void transformHandlesOverlappingDeletesAndSplitsADeleteAroundAnInsert() {
        assertThat(TextUnicode.transform(op("[2,\"a\"]"), op("[1,{\"d\":3}]"), LEFT)).isEqualTo(op("[1,\"a\"]"));
        assertThat(TextUnicode.transform(op("[1,{\"d\":3}]"), op("[2,{\"d\":3}]"), LEFT)).isEqualTo(op("[1,{\"d\":1}]"));
        assertThat(TextUnicode.transform(op("[1,{\"d\":\"bcd\"}]"), op("[2,{\"d\":\"cde\"}]"), LEFT))
                .isEqualTo(op("[1,{\"d\":\"b\"}]"));
        assertThat(TextUnicode.transform(op("[1,{\"d\":3}]"), op("[2,\"XY\"]"), LEFT))
                .hasToString("[1,{\"d\":1},2,{\"d\":2}]");
        assertThat(TextUnicode.transform(op("[\"a\"]"), op("[{\"d\":2}]"), LEFT)).isEqualTo(op("[\"a\"]"));
        assertThat(TextUnicode.transform(op("[{\"d\":2}]"), op("[\"a\"]"), RIGHT)).isEqualTo(op("[1,{\"d\":2}]"));
    }

    @Test
    void transformAgainstTheEvilHistoryOneOpAtATime() {
        String[] history = {"[2,{\"d\":2}]", "[2,\"aa\"]", "[{\"d\":2}]", "[\"bb\"]"};
        Op left = op("[\"x\"]");
        Op right = op("[\"x\"]");
        for (String committed : history) {
            left = TextUnicode.transform(left, op(committed), LEFT);
            right = TextUnicode.transform(right, op(committed), RIGHT);
        }
        assertThat(left).hasToString("[\"x\"]");
        assertThat(right).hasToString("[2,\"x\"]");
    }

    @Test
    void composeSplitsInsertsByCodePoint() {
        assertThat(TextUnicode.compose(op("[\"👻\"]"), op("[1,\"🥰\"]"))).hasToString("[\"👻🥰\"]");
        assertThat(TextUnicode.compose(op("[1,\"a👻b\"]"), op("[2,{\"d\":1}]"))).hasToString("[1,\"ab\"]");
        assertThat(TextUnicode.compose(op("[\"👻🥰💃\"]"), op("[1,{\"d\":1}]"))).hasToString("[\"👻💃\"]");
        assertThat(TextUnicode.compose(op("[{\"d\":\"ab\"}]"), op("[{\"d\":2}]"))).hasToString("[{\"d\":4}]");
        assertThat(TextUnicode.compose(op("[\"abc\"]"), op("[10,\"x\"]"))).hasToString("[\"abc\",7,\"x\"]");
        assertThat(TextUnicode.compose(op("[{\"d\":1}]"), op("[\"x\"]"))).hasToString("[\"x\",{\"d\":1}]");
        assertThat(TextUnicode.compose(Op.insert(2, "hi there"), op("[2,{\"d\":\"hi there\"}]"))).isEqualTo(Op.noop());
    }

    @Test
    void cursorsStayLeftOfTextInsertedAtThem() {
        assertThat(TextUnicode.transformPosition(3, op("[3,\"XX\"]"))).isEqualTo(3);
        assertThat(TextUnicode.transformPosition(0, op("[\"XX\"]"))).isZero();
        assertThat(TextUnicode.transformPosition(3, op("[2,\"XX\"]"))).isEqualTo(5);
        assertThat(TextUnicode.transformPosition(5, op("[3,{\"d\":4}]"))).isEqualTo(3);
        assertThat(TextUnicode.transformPosition(100, op("[2,{\"d\":3}]"))).isEqualTo(97);
        assertThat(TextUnicode.transformSelection(new Selection(5, 2), op("[3,\"XX\"]"))).isEqualTo(new Selection(7, 2));
    }

    @Test
    void makeInvertibleRecordsDeletedCodePoints() {
        Document doc = Document.of("ab😭de");
        Op op = op("[2,{\"d\":2},\"x\"]");
        assertThat(TextUnicode.makeInvertible(op, doc)).hasToString("[2,{\"d\":\"😭d\"},\"x\"]");
        assertThat(TextUnicode.invertWithDoc(op, doc)).hasToString("[2,\"😭d\",{\"d\":\"x\"}]");
        assertThat(TextUnicode.stripInvertible(TextUnicode.makeInvertible(op, doc))).isEqualTo(op);
        assertThat(TextUnicode.isInvertible(op)).isFalse();
    }

    @Test
    void rejectsInvertingACountDelete() {
        assertThatThrownBy(() -> TextUnicode.invert(op("[{\"d\":2}]")))
                .isInstanceOf(InvalidOpException.class)
                .hasMessageContaining("makeInvertible must be called first");
    }

    @Test
    void rejectsASideOtherThanLeftOrRight() {
        assertThatThrownBy(() -> Side.fromJson("middle")).hasMessage("side (middle) must be 'left' or 'right'");
        assertThat(Side.fromJson("left")).isEqualTo(LEFT);
    }

    @Test
    void helpersBuildTheReferencesShapes() {
        assertThat(Op.insert(0, "a")).hasToString("[\"a\"]");
        assertThat(Op.insert(3, "")).isEqualTo(Op.noop());
        assertThat(Op.delete(2, 3)).hasToString("[2,{\"d\":3}]");
        assertThat(TextUnicode.isNoop(Op.noop())).isTrue();
    }
}
