package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/**
 * A path a client sent breaks one of {@link ProjectPath}'s rules (400 {@code invalid-path});
 * the {@code rule} member names which one, e.g. {@code parent-segment} or {@code max-depth}.
 */
public class InvalidPath extends ProblemException {

    private final String rule;

    public InvalidPath(String rule, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path", detail, Map.of("rule", rule));
        this.rule = rule;
    }

    /** @return the name of the rule the path breaks */
    public String rule() {
        return rule;
    }
}
