package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rope document: code-point indexing over many leaves, persistence, and strict apply. */
class DocumentTest {

    private static final String EMOJI_HEAVY = "a😀".repeat(5_000);

    @Test
    void indexesCodePointsAcrossManyLeaves() {
        Document doc = Document.of(EMOJI_HEAVY);
        assertThat(doc.length()).isEqualTo(10_000);
        assertThat(doc.utf16Length()).isEqualTo(15_000);
        assertThat(doc.slice(4_999, 5_003)).isEqualTo("😀a😀a");
        assertThat(doc.apply(Op.insert(5_001, "|")).slice(4_999, 5_004)).isEqualTo("😀a|😀a");
    }

    @Test
    void applyLeavesTheOriginalDocumentUnchanged() {
        Document before = Document.of(EMOJI_HEAVY);
        Document after = before.apply(Op.fromJson("[10,{\"d\":3000},\"👻\"]"));
        assertThat(before.toString()).isEqualTo(EMOJI_HEAVY);
        assertThat(after.length()).isEqualTo(10_000 - 3_000 + 1);
    }

    @Test
    void manySmallEditsKeepTheTextAndAShallowTree() {
        Document doc = Document.of(EMOJI_HEAVY);
        StringBuilder model = new StringBuilder(EMOJI_HEAVY);
        for (int i = 0; i < 20_000; i++) {
            int at = (i * 7919) % (doc.length() + 1);
            doc = doc.apply(Op.insert(at, i % 2 == 0 ? "x" : "🥰"));
            model.insert(model.offsetByCodePoints(0, at), i % 2 == 0 ? "x" : "🥰");
        }
        assertThat(doc.toString()).isEqualTo(model.toString());
        assertThat(doc.root().height()).isLessThan(20);
    }

    @Test
    void typingDeletingAndReplacingAcrossLeavesMatchesAPlainString() {
        Document doc = Document.of(EMOJI_HEAVY);
        String model = EMOJI_HEAVY;
        for (int i = 0; i < 5_000; i++) {
            int at = (i * 7919) % doc.length();
            Op op = switch (i % 3) {
                case 0 -> Op.insert(at, "é🥰");
                case 1 -> Op.delete(at, Math.min(3, doc.length() - at));
                default -> TextUnicode.compose(Op.delete(at, 1), Op.insert(at, "xy"));
            };
            doc = doc.apply(op);
            model = RopeProperties.StringModel.apply(model, op);
        }
        assertThat(doc.toString()).isEqualTo(model);
        assertThat(doc.length()).isEqualTo(model.codePointCount(0, model.length()));
    }

    @Test
    void rejectsATextDeleteThatDoesNotMatch() {
        assertThatThrownBy(() -> Document.of("héllo").apply(Op.fromJson("[1,{\"d\":\"el\"}]")))
                .isInstanceOf(InvalidOpException.class)
                .hasMessage("delete at 1 expects \"el\" but the document has \"él\"");
    }

    @Test
    void rejectsSlicesOutsideTheDocument() {
        assertThatThrownBy(() -> Document.of("abc").slice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalDocumentsHaveEqualText() {
        assertThat(Document.of("ab").apply(Op.insert(1, "x"))).isEqualTo(Document.of("axb"));
        assertThat(Document.empty().length()).isZero();
        assertThat(Document.of("")).isEqualTo(Document.empty());
    }
}
