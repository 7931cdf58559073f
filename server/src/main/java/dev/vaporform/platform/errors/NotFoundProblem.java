package dev.vaporform.platform.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one body for "no such route". Resource-level 404s have their own codes. */
final class NotFoundProblem {

    private NotFoundProblem() {}

    static ProblemDetail body() {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this address.");
    }
}
