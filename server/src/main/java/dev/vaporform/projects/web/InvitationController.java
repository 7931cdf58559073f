package dev.vaporform.projects.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectRole;
import dev.vaporform.projects.internal.CreatedInvitation;
import dev.vaporform.projects.internal.Invitation;
import dev.vaporform.projects.internal.Invitations;
import dev.vaporform.projects.internal.Project;

/** Invitation links to a project, per API.md: owners manage them, the invited email accepts. */
@RestController
class InvitationController {

    // An invitation never makes an owner: ownership is given by an owner to a member they know.
    record CreateInvitation(@NotBlank @Email @Size(max = 254) String email,
                            @NotNull @Pattern(regexp = "viewer|collaborator", message = "must be viewer or collaborator") String role) {}

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/projects/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedInvitation create(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                             @Valid @RequestBody CreateInvitation body) {
        return invitations.create(caller.id(), id, body.email(), ProjectRole.valueOf(body.role()));
    }

    @GetMapping("/api/projects/{id}/invitations")
    List<Invitation> list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return invitations.list(caller.id(), id);
    }

    @DeleteMapping("/api/projects/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @PathVariable UUID invitationId) {
        invitations.revoke(caller.id(), id, invitationId);
    }

    @PostMapping("/api/invitations/{token}/accept")
    Project accept(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String token) {
        return invitations.accept(caller.id(), token);
    }
}
