package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The per-user API token limit is reached (409). */
public class TooManyApiTokens extends ProblemException {

    public TooManyApiTokens(int limit) {
        super(HttpStatus.CONFLICT, "too-many-api-tokens", "Too many API tokens", "You already have " + limit + " API tokens. Delete one you no longer use.");
    }
}
