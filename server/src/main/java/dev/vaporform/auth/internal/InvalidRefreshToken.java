package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The refresh token is unknown, expired, revoked or already used (401). */
public class InvalidRefreshToken extends ProblemException {

    public InvalidRefreshToken(String detail) {
        super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
}
