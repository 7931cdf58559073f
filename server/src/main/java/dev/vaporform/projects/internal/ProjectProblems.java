package dev.vaporform.projects.internal;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** The projects module's refusals other than not-found and role-too-low. */
final class ProjectProblems {

    private ProjectProblems() {}

    /** The change would leave the project without an owner (409). */
    static class LastOwner extends ProblemException {
        LastOwner() {
            super(HttpStatus.CONFLICT, "last-owner", "Last owner",
                    "A project must keep at least one owner. Make someone else an owner first, or delete the project.");
        }
    }

    /** The user is already a member (409). */
    static class AlreadyMember extends ProblemException {
        AlreadyMember() {
            super(HttpStatus.CONFLICT, "already-member", "Already a member", "This user is already a member of the project.");
        }
    }

    /** No account has that email (404). */
    static class NoSuchUser extends ProblemException {
        NoSuchUser() {
            super(HttpStatus.NOT_FOUND, "user-not-found", "User not found",
                    "No account has this email. Ask them to sign up first.");
        }
    }

    /** The member named in the path is not a member of this project (404). */
    static class NoSuchMember extends ProblemException {
        NoSuchMember() {
            super(HttpStatus.NOT_FOUND, "member-not-found", "Member not found", "This user is not a member of the project.");
        }
    }

    /** No usable invitation has this link, or it names another email (404; one answer for every case). */
    static class InvitationNotFound extends ProblemException {
        InvitationNotFound() {
            super(HttpStatus.NOT_FOUND, "invitation-not-found", "Invitation not found",
                    "This invitation does not exist, was already used, has expired, or was sent to another email. Ask the project's owner for a new link.");
        }
    }
}
