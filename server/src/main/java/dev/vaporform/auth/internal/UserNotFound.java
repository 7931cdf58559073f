package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** No user with that id (404). */
public class UserNotFound extends ProblemException {

    public UserNotFound() {
        super(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "There is no such user.");
    }
}
