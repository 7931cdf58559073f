package dev.vaporform.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Compares our type with npm {@code ot-text-unicode@4.0.0} on random cases: exact JSON for transform, compose,
 * normalize and the invert family, resulting text for apply, numbers for cursors. Each case checks
 * {@value #CHECKS_PER_CASE} results. {@code -Dot.differential.cases=N} and {@code -Dot.differential.seed=S}
 * scale it up (the bench mode) or replay another seed.
 */
class DifferentialTest {

    static final int CHECKS_PER_CASE = 13;
    private static final int SHOWN_FAILURES = 10;

    @Test
    void matchesTheReferenceOnRandomDocumentsAndOps() {
        ReferenceOracle.requireAvailable();
        long cases = Long.getLong("ot.differential.cases", 100_000);
        long seed = Long.getLong("ot.differential.seed", 20260101);
        RandomOps ops = new RandomOps(seed);
        List<String> failures = new ArrayList<>();
        long[] mismatches = {0};
        long started = System.nanoTime();

        long answered = ReferenceOracle.stream(
                LongStream.range(0, cases).mapToObj(id -> DifferentialCase.random(id, ops)).iterator(),
                DifferentialCase::toJson,
                (k, line) -> mismatches[0] += compare(k, line, failures));

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("differential: %d cases (%d checks, seed %d) against ot-text-unicode@4.0.0 in %d ms, "
                + "%d mismatches%n", answered, answered * CHECKS_PER_CASE, seed, millis, mismatches[0]);
        assertThat(answered).as("cases answered by the reference").isEqualTo(cases);
        assertThat(mismatches[0]).as("mismatching results; first cases:\n%s", String.join("\n", failures))
                .isZero();
    }

    private static int compare(DifferentialCase k, String line, List<String> failures) {
        String[] theirs = line.split("\t", -1);
        List<String> ours = k.ourAnswers();
        int bad = 0;
        for (int i = 0; i < CHECKS_PER_CASE; i++) {
            String reference = i < theirs.length ? theirs[i] : "<missing>";
            if (!reference.equals(ours.get(i))) {
                bad++;
                if (failures.size() < SHOWN_FAILURES) {
                    failures.add("case " + k.toJson() + "\n  " + DifferentialCase.FIELDS.get(i)
                            + ": reference " + reference + ", ours " + ours.get(i));
                }
            }
        }
        return bad;
    }
}
