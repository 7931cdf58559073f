package dev.vaporform.bench.ot;

import dev.vaporform.ot.Document;
import dev.vaporform.ot.Op;
import dev.vaporform.ot.Side;
import dev.vaporform.ot.TextUnicode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The text-unicode engine on the inputs the JS reference also runs ({@code bench/ot/run.sh}). Each invocation
 * walks all {@value #PAIRS} op pairs or all {@value #EDITS} edits of a document, so scores are operations per
 * second. Edits are applied to the same base document each time, as the reference's benchmark does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class OtBenchmark {

    static final int PAIRS = 1000;
    static final int EDITS = 1000;

    private Op[] a;
    private Op[] b;
    private Op[] c;
    private String[] aJson;
    private String[] bJson;
    private Document small;
    private Document halfEmoji100k;
    private Document halfEmoji1m;
    private Op[] smallEdits;
    private Op[] edits100k;
    private Op[] edits1m;

    @Setup
    public void load() {
        OtInputs inputs = OtInputs.load();
        List<Op[]> pairs = inputs.pairs();
        if (pairs.size() != PAIRS) {
            throw new IllegalStateException("expected " + PAIRS + " pairs, found " + pairs.size());
        }
        a = pairs.stream().map(p -> p[0]).toArray(Op[]::new);
        b = pairs.stream().map(p -> p[1]).toArray(Op[]::new);
        c = pairs.stream().map(p -> p[2]).toArray(Op[]::new);
        aJson = pairs.stream().map(p -> p[0].toJson()).toArray(String[]::new);
        bJson = pairs.stream().map(p -> p[1].toJson()).toArray(String[]::new);
        small = inputs.document("ascii-1k").document();
        smallEdits = edits(inputs, "ascii-1k");
        halfEmoji100k = inputs.document("half-emoji-100k").document();
        edits100k = edits(inputs, "half-emoji-100k");
        halfEmoji1m = inputs.document("half-emoji-1m").document();
        edits1m = edits(inputs, "half-emoji-1m");
    }

    private static Op[] edits(OtInputs inputs, String name) {
        Op[] edits = inputs.document(name).edits().toArray(Op[]::new);
        if (edits.length != EDITS) {
            throw new IllegalStateException("expected " + EDITS + " edits for " + name + ", found " + edits.length);
        }
        return edits;
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void transform(Blackhole bh) {
        for (int i = 0; i < PAIRS; i++) {
            bh.consume(TextUnicode.transform(a[i], b[i], Side.LEFT));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void compose(Blackhole bh) {
        for (int i = 0; i < PAIRS; i++) {
            bh.consume(TextUnicode.compose(a[i], c[i]));
        }
    }

    /** What the server does per incoming op: parse and check both, transform, print. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void transformFromJsonToJson(Blackhole bh) {
        for (int i = 0; i < PAIRS; i++) {
            bh.consume(TextUnicode.transform(Op.fromJson(aJson[i]), Op.fromJson(bJson[i]), Side.LEFT).toJson());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EDITS)
    public void applyAscii1k(Blackhole bh) {
        applyAll(small, smallEdits, bh);
    }

    @Benchmark
    @OperationsPerInvocation(EDITS)
    public void applyHalfEmoji100k(Blackhole bh) {
        applyAll(halfEmoji100k, edits100k, bh);
    }

    @Benchmark
    @OperationsPerInvocation(EDITS)
    public void applyHalfEmoji1m(Blackhole bh) {
        applyAll(halfEmoji1m, edits1m, bh);
    }

    private static void applyAll(Document document, Op[] edits, Blackhole bh) {
        for (Op edit : edits) {
            bh.consume(document.apply(edit));
        }
    }
}
