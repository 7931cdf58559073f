package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The target of a create, mkdir or move already exists (409 {@code file-exists}). */
public class FileExists extends ProblemException {

    public FileExists(String detail) {
        super(HttpStatus.CONFLICT, "file-exists", "File exists", detail);
    }

    public FileExists(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, "file-exists", "File exists", detail, properties);
    }
}
