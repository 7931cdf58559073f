package dev.vaporform.ot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for documents and ops. An op is generated as a list of {@link Step}s that are fitted to the
 * document afterwards, so shrinking works on steps and every generated op is valid for its document.
 */
final class OtArbitraries {

    private OtArbitraries() {
    }

    /** An intended component; sizes are clamped to what is left of the document when fitted. */
    record Step(int kind, int size, String text, boolean keepsDeletedText) {
    }

    static Arbitrary<String> documents(int maxTokens) {
        String[] tokens = Stream.of(RandomText.ASCII, RandomText.BMP, RandomText.ASTRAL, RandomText.SEQUENCES)
                .flatMap(Stream::of).toArray(String[]::new);
        return Arbitraries.of(tokens).list().ofMaxSize(maxTokens).map(parts -> String.join("", parts));
    }

    static Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 12),
                documents(3).filter(s -> !s.isEmpty()),
                Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMaxSize(7);
    }

    /** Fits {@code steps} to {@code doc}: skips and deletes never run past its end, no skip is trailing. */
    static Op fit(String doc, List<Step> steps) {
        int[] codePoints = doc.codePoints().toArray();
        List<Component> out = new ArrayList<>();
        int pos = 0;
        for (Step step : steps) {
            int n = Math.min(step.size(), codePoints.length - pos);
            if (step.kind() == 2 || n == 0) {
                out.add(new Insert(step.text()));
            } else if (step.kind() == 0) {
                out.add(new Skip(n));
                pos += n;
            } else {
                out.add(step.keepsDeletedText() ? Delete.text(new String(codePoints, pos, n)) : Delete.count(n));
                pos += n;
            }
        }
        return TextUnicode.normalize(out);
    }
}
