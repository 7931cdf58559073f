package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the reference accepts by accident and we reject on purpose. Each case first shows, by asking the
 * real ot-text-unicode@4.0.0, that the reference accepts it, then that we reject it with a message saying what
 * is wrong. The same list is in the module README.
 */
class ReferenceLeniencyTest {

    /** What the reference is asked, and how our side is expected to refuse. */
    record Leniency(String probe, String args, Runnable ours, String message) {
        String request() {
            return "{\"probe\":\"" + probe + "\",\"args\":" + args + "}";
        }
    }

    private static List<String> referenceAnswers;

    static List<Named<Leniency>> leniencies() {
        return List.of(
                named("a fractional skip", "checkOp", "[[1.5,\"a\"]]",
                        () -> Op.fromJson("[1.5,\"a\"]"), "component 0: skip must be an integer, got 1.5"),
                named("a skip that JSON.parse turns into Infinity", "checkOp", "[[1e400,\"a\"]]",
                        () -> Op.fromJson("[1e400,\"a\"]"), "component 0: skip 1E+400 is larger than the maximum"),
                named("a skip beyond 2^31-1", "checkOp", "[[2147483648,\"a\"]]",
                        () -> Op.fromJson("[2147483648,\"a\"]"), "skip 2147483648 is larger than the maximum 2147483647"),
                named("a boolean component", "checkOp", "[[true]]",
                        () -> Op.fromJson("[true]"), "component 0: booleans are not op components, got true"),
                named("a fractional delete", "checkOp", "[[{\"d\":1.5}]]",
                        () -> Op.fromJson("[{\"d\":1.5}]"), "component 0: delete count must be an integer, got 1.5"),
                named("a delete with an extra key", "checkOp", "[[{\"d\":1,\"x\":2}]]",
                        () -> Op.fromJson("[{\"d\":1,\"x\":2}]"), "component 0: delete has unexpected key \"x\""),
                named("a delete with a duplicate key", "checkOp", "[[{\"d\":1,\"d\":2}]]",
                        () -> Op.fromJson("[{\"d\":1,\"d\":2}]"), "duplicate key \"d\""),
                named("an insert of a lone high surrogate", "checkOp", "[[\"a\\ud800\"]]",
                        () -> Op.fromJson("[\"a\\ud800\"]"), "component 0: insert contains a lone surrogate U+D800 at UTF-16 index 1"),
                named("a text delete of a lone low surrogate", "checkOp", "[[{\"d\":\"\\udc00y\"}]]",
                        () -> Op.fromJson("[{\"d\":\"\\udc00y\"}]"), "component 0: deleted text contains a lone surrogate U+DC00"),
                named("a document with a lone surrogate", "apply", "[\"a\\ud800bc\",[2,\"X\"]]",
                        () -> Document.of("a\ud800bc"), "document contains a lone surrogate U+D800"),
                named("a delete running past the end of the document", "apply", "[\"abc\",[2,{\"d\":10}]]",
                        () -> Document.of("abc").apply(Op.fromJson("[2,{\"d\":10}]")),
                        "delete of 10 code points at 2 runs past the end of the document (1 code points left)"),
                named("a text delete that does not match the document", "apply", "[\"abc\",[{\"d\":\"xy\"}]]",
                        () -> Document.of("abc").apply(Op.fromJson("[{\"d\":\"xy\"}]")),
                        "delete at 0 expects \"xy\" but the document has \"ab\""),
                named("apply with a fractional skip", "apply", "[\"abc\",[1.5,\"X\"]]",
                        () -> Document.of("abc").apply(Op.fromJson("[1.5,\"X\"]")), "skip must be an integer, got 1.5"),
                named("a negative cursor", "transformPosition", "[-1,[1,\"a\"]]",
                        () -> TextUnicode.transformPosition(-1, Op.fromJson("[1,\"a\"]")), "cursor must not be negative, got -1"),
                named("transformPosition over an op with adjacent skips", "transformPosition", "[5,[2,3,\"a\"]]",
                        () -> Op.fromJson("[2,3,\"a\"]"), "component 1: adjacent skips must be combined into one skip"),
                named("normalize of zero-length components", "normalize", "[[0,\"a\",\"\",{\"d\":0}]]",
                        () -> TextUnicode.normalize(OpJson.parseComponents("[0,\"a\",\"\",{\"d\":0}]")),
                        "component 0: skip must be a positive integer, got 0"),
                named("makeInvertible with a delete past the end", "makeInvertible", "[[2,{\"d\":5}],\"abc\"]",
                        () -> TextUnicode.makeInvertible(Op.fromJson("[2,{\"d\":5}]"), Document.of("abc")),
                        "delete of 5 code points at 2 runs past the end of the document (length 3)"));
    }

    @BeforeAll
    static void askTheReference() {
        ReferenceOracle.requireAvailable();
        referenceAnswers = ReferenceOracle.ask(leniencies().stream().map(n -> n.getPayload().request()).toList());
    }

    static Stream<Named<Integer>> indices() {
        List<Named<Leniency>> all = leniencies();
        return Stream.iterate(0, i -> i < all.size(), i -> i + 1).map(i -> Named.of(all.get(i).getName(), i));
    }

    @ParameterizedTest(name = "rejects {0}, which the reference accepts")
    @MethodSource("indices")
    void rejectsWhatTheReferenceAcceptsLeniently(int index) {
        Leniency leniency = leniencies().get(index).getPayload();
        assertThat(referenceAnswers.get(index)).as("the reference's answer to " + leniency.request())
                .startsWith("{\"ok\":");
        assertThatThrownBy(leniency.ours()::run).isInstanceOf(InvalidOpException.class)
                .hasMessageContaining(leniency.message());
    }

    private static Named<Leniency> named(String name, String probe, String args, Runnable ours, String message) {
        return Named.of(name, new Leniency(probe, args, ours, message));
    }
}
