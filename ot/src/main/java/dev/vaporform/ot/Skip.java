package dev.vaporform.ot;

/**
 * Keeps {@code count} code points of the document unchanged. JSON form: a positive integer.
 *
 * @param count how many code points to keep; always positive
 */
public record Skip(int count) implements Component {

    /** @throws InvalidOpException if {@code count} is zero or negative */
    public Skip {
        if (count <= 0) {
            throw new InvalidOpException("skip must be a positive integer, got " + count);
        }
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
