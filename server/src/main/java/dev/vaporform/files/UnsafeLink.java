package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The path is, or passes through, a symbolic link; the server follows none, wherever it leads (400). */
public class UnsafeLink extends ProblemException {

    public UnsafeLink(String detail) {
        super(HttpStatus.BAD_REQUEST, "unsafe-link", "Symbolic link not followed", detail);
    }

    public UnsafeLink(String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, "unsafe-link", "Symbolic link not followed", detail, properties);
    }
}
