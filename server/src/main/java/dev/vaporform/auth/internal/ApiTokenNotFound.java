package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** No API token with that id among the caller's (404). */
public class ApiTokenNotFound extends ProblemException {

    public ApiTokenNotFound() {
        super(HttpStatus.NOT_FOUND, "api-token-not-found", "API token not found", "There is no such API token.");
    }
}
