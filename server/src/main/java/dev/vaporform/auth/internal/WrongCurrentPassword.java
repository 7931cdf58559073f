package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A password change whose current password does not match (403). */
public class WrongCurrentPassword extends ProblemException {

    public WrongCurrentPassword() {
        super(HttpStatus.FORBIDDEN, "wrong-current-password", "Wrong current password", "The current password is wrong.");
    }
}
