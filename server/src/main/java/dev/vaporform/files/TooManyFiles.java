package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The write would take the project over {@code max-files} (422); {@code limit} names the setting. */
public class TooManyFiles extends ProblemException {

    public TooManyFiles(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-files", "Too many files", detail);
    }

    public TooManyFiles(String detail, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-files", "Too many files", detail, properties);
    }
}
