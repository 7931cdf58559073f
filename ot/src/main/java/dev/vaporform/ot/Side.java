package dev.vaporform.ot;

/**
 * Which op wins a tie when both insert at the same place: {@link #LEFT} means the op being transformed goes
 * first. ShareDB's server transforms an incoming op against committed ops with {@code LEFT}.
 */
public enum Side {
    LEFT,
    RIGHT;

    /**
     * Parses the reference's spelling, {@code "left"} or {@code "right"}.
     *
     * @throws InvalidOpException for anything else, with the reference's message
     */
    public static Side fromJson(String side) {
        return switch (side) {
            case "left" -> LEFT;
            case "right" -> RIGHT;
            case null, default -> throw new InvalidOpException("side (" + side + ") must be 'left' or 'right'");
        };
    }

    /** The other side, as the peer of a transform pair uses. */
    public Side opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }

    /** {@code "left"} or {@code "right"}. */
    public String toJson() {
        return this == LEFT ? "left" : "right";
    }
}
