package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** Deleting a non-empty directory needs {@code recursive=true} (409). */
public class DirectoryNotEmpty extends ProblemException {

    public DirectoryNotEmpty(String detail) {
        super(HttpStatus.CONFLICT, "directory-not-empty", "Directory not empty", detail);
    }

    public DirectoryNotEmpty(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, "directory-not-empty", "Directory not empty", detail, properties);
    }
}
