package dev.vaporform.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request parameter or body field has a value the API does not accept (400 {@code validation}). */
public class InvalidParameter extends ProblemException {

    public InvalidParameter(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
