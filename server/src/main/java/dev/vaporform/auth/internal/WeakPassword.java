package dev.vaporform.auth.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A new password the policy refuses (400 {@code weak-password}), with the reason as a field error. */
public class WeakPassword extends ProblemException {

    public WeakPassword(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "weak-password", "Password not accepted", field + " " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
