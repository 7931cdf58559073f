package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** An uploaded zip has an entry that would escape the project, a link, or an unreadable entry; nothing was written (400). */
public class UnsafeArchive extends ProblemException {

    public UnsafeArchive(String detail) {
        super(HttpStatus.BAD_REQUEST, "unsafe-archive", "Unsafe archive", detail);
    }

    public UnsafeArchive(String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, "unsafe-archive", "Unsafe archive", detail, properties);
    }
}
