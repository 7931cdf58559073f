package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The path names a directory where a file is expected, or passes through a file (409). */
public class PathConflict extends ProblemException {

    public PathConflict(String detail) {
        super(HttpStatus.CONFLICT, "path-conflict", "Path conflict", detail);
    }

    public PathConflict(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, "path-conflict", "Path conflict", detail, properties);
    }
}
