package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The path is, or passes through, a symbolic link that leads outside the project root; the server never follows it (400). */
public class UnsafeLink extends ProblemException {

    public UnsafeLink(String detail) {
        super(HttpStatus.BAD_REQUEST, "unsafe-link", "Link leads outside the project", detail);
    }

    public UnsafeLink(String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, "unsafe-link", "Link leads outside the project", detail, properties);
    }
}
