package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The right password, but the account is deactivated (403). */
public class AccountDeactivated extends ProblemException {

    public AccountDeactivated() {
        super(HttpStatus.FORBIDDEN, "account-deactivated", "Account deactivated", "This account has been deactivated by an administrator.");
    }
}
