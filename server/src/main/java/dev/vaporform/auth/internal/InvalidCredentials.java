package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** Login failed; deliberately the same for an unknown email and a wrong password (401). */
public class InvalidCredentials extends ProblemException {

    public InvalidCredentials() {
        super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", "The email or password is wrong.");
    }
}
