package dev.vaporform.platform;

import java.net.URI;

/** Stable problem {@code type} URIs: one per code, documented under docs/problems.md. */
public final class ProblemTypes {

    /** Base of every problem type URI; the code is appended. */
    public static final String BASE = "https://vaporform.dev/problems/";

    private ProblemTypes() {}

    /** @return the type URI for a problem code, e.g. {@code https://vaporform.dev/problems/validation} */
    public static URI of(String code) {
        return URI.create(BASE + code);
    }
}
