package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A write named a version ({@code If-Match}) that is no longer the file's current one; nothing was changed (412). */
public class StaleFileVersion extends ProblemException {

    public StaleFileVersion(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, "stale-file-version", "Stale file version", detail);
    }

    public StaleFileVersion(String detail, Map<String, Object> properties) {
        super(HttpStatus.PRECONDITION_FAILED, "stale-file-version", "Stale file version", detail, properties);
    }
}
