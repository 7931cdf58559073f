package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** Registration with an email that already has an account (409). */
public class EmailTaken extends ProblemException {

    public EmailTaken() {
        super(HttpStatus.CONFLICT, "email-taken", "Email already registered", "An account with this email already exists. Sign in instead.");
    }
}
