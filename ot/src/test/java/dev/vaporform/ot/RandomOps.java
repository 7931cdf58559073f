package dev.vaporform.ot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random documents and ops that the reference handles correctly: every op fits its document, text deletes
 * match the document, and no string has a lone surrogate. Ops may hold adjacent inserts or deletes
 * (valid, un-normalised) and deletes of both forms.
 */
final class RandomOps {

    private final SplittableRandom random;
    private final RandomText text;

    RandomOps(long seed) {
        this.random = new SplittableRandom(seed);
        this.text = new RandomText(random);
    }

    RandomText.Flavour flavour() {
        return text.flavour();
    }

    String document(RandomText.Flavour flavour) {
        return text.text(flavour, random.nextInt(8) == 0 ? 0 : random.nextInt(1, 30));
    }

    int position(String doc) {
        return random.nextInt(CodePoints.count(doc) + 1);
    }

    Side side() {
        return random.nextBoolean() ? Side.LEFT : Side.RIGHT;
    }

    /** An op against {@code doc}: up to six components, no adjacent skips, no trailing skip. */
    Op op(String doc, RandomText.Flavour flavour) {
        int[] codePoints = doc.codePoints().toArray();
        boolean textDeletes = random.nextBoolean();
        List<Component> out = new ArrayList<>();
        int pos = 0;
        int steps = random.nextInt(7);
        for (int i = 0; i < steps; i++) {
            int left = codePoints.length - pos;
            int roll = random.nextInt(3);
            if (roll == 0 && left > 0) {
                int n = amount(left);
                appendSkip(out, n);
                pos += n;
            } else if (roll == 1 && left > 0) {
                int n = amount(left);
                out.add(textDeletes ? Delete.text(new String(codePoints, pos, n)) : Delete.count(n));
                pos += n;
            } else {
                out.add(new Insert(text.text(flavour, random.nextInt(1, 4))));
            }
        }
        if (!out.isEmpty() && out.getLast() instanceof Skip) {
            out.removeLast();
        }
        return Op.of(out);
    }

    /** Components as a sloppy client might send them: adjacent skips, mixed adjacent deletes, trailing skip. */
    List<Component> raw(RandomText.Flavour flavour) {
        List<Component> out = new ArrayList<>();
        int steps = random.nextInt(8);
        for (int i = 0; i < steps; i++) {
            out.add(switch (random.nextInt(4)) {
                case 0 -> new Skip(random.nextInt(1, 5));
                case 1 -> new Insert(text.text(flavour, random.nextInt(1, 3)));
                case 2 -> Delete.count(random.nextInt(1, 4));
                default -> Delete.text(text.text(flavour, random.nextInt(1, 3)));
            });
        }
        return out;
    }

    /** Mostly small, sometimes everything that is left, so ops end exactly at the document's end too. */
    private int amount(int left) {
        return random.nextInt(4) == 0 ? left : random.nextInt(1, Math.min(left, 8) + 1);
    }

    private static void appendSkip(List<Component> out, int n) {
        if (!out.isEmpty() && out.getLast() instanceof Skip previous) {
            out.set(out.size() - 1, new Skip(previous.count() + n));
        } else {
            out.add(new Skip(n));
        }
    }
}
