package dev.vaporform.platform;

/**
 * A validated page request: {@code page} from 0, {@code size} between 1 and {@link #MAX_SIZE}.
 * Out-of-range values are refused with a validation problem rather than silently clamped.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) throw new InvalidParameter("page", "must be 0 or more");
        if (size < 1 || size > MAX_SIZE) throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
    }

    /** @return how many rows to skip */
    public long offset() {
        return (long) page * size;
    }
}
