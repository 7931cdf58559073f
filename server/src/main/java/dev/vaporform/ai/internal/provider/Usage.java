package dev.vaporform.ai.internal.provider;

/** Tokens of one call, as the provider counted them. */
public record Usage(long inputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public long total() {
        return inputTokens + outputTokens;
    }
}
