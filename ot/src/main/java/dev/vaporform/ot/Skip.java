package dev.vaporform.ot;

/**
 * Keeps {@code count} code points of the document unchanged. JSON form: a positive integer.
 *
 * @param count how many code points to keep; always positive
 */
public record Skip(int count) implements Component {

    /** Small skips are shared: transform and compose make one for nearly every component they emit. */
    private static final Skip[] SMALL = new Skip[256];

    static {
        for (int i = 1; i < SMALL.length; i++) {
            SMALL[i] = new Skip(i);
        }
    }

    /** @throws InvalidOpException if {@code count} is zero or negative */
    public Skip {
        if (count <= 0) {
            throw new InvalidOpException("skip must be a positive integer, got " + count);
        }
    }

    /** A skip of {@code count}, shared for small counts. */
    static Skip of(int count) {
        return count > 0 && count < SMALL.length ? SMALL[count] : new Skip(count);
    }

    @Override
    public int preLength() {
        return count;
    }

    @Override
    public int postLength() {
        return count;
    }
}
