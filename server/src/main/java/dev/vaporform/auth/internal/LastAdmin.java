package dev.vaporform.auth.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** Demoting or deactivating the last active admin (409). */
public class LastAdmin extends ProblemException {

    public LastAdmin() {
        super(HttpStatus.CONFLICT, "last-admin", "Last administrator", "This would leave the installation without an active administrator.");
    }
}
