package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The write would take the project over {@code max-project-size} (413); {@code limit} names the setting. */
public class ProjectQuotaExceeded extends ProblemException {

    public ProjectQuotaExceeded(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "project-quota-exceeded", "Project quota exceeded", detail);
    }

    public ProjectQuotaExceeded(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, "project-quota-exceeded", "Project quota exceeded", detail, properties);
    }
}
