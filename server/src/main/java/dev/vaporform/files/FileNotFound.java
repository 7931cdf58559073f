package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** No file, directory or version at the given path in this project (404 {@code file-not-found}). */
public class FileNotFound extends ProblemException {

    public FileNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "file-not-found", "File not found", detail);
    }

    public FileNotFound(String detail, Map<String, Object> properties) {
        super(HttpStatus.NOT_FOUND, "file-not-found", "File not found", detail, properties);
    }
}
