package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A file is larger than the configured {@code max-file-size} (413); {@code limit} names the setting. */
public class FileTooLarge extends ProblemException {

    public FileTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large", detail);
    }

    public FileTooLarge(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large", detail, properties);
    }
}
