package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The version is listed in the history, but its content was pruned (410); {@code prunedAt} says when. */
public class VersionPruned extends ProblemException {

    public VersionPruned(String detail, Map<String, Object> properties) {
        super(HttpStatus.GONE, "version-pruned", "Version pruned", detail, properties);
    }
}
