package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** An uploaded zip is over a size, entry-count or compression-ratio limit; nothing was written (413). */
public class ArchiveTooLarge extends ProblemException {

    public ArchiveTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "archive-too-large", "Archive too large", detail);
    }

    public ArchiveTooLarge(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, "archive-too-large", "Archive too large", detail, properties);
    }
}
