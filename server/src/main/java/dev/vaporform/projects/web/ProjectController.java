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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;
import dev.vaporform.projects.ProjectRole;
import dev.vaporform.projects.internal.Collaborator;
import dev.vaporform.projects.internal.Collaborators;
import dev.vaporform.projects.internal.Project;
import dev.vaporform.projects.internal.Projects;

/** Projects and their members, per API.md. Access is decided by the projects module's facade. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private static final String ROLE = "viewer|collaborator|owner";

    record CreateProject(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description) {}

    // Only these two fields can change; anything else in the body (id, ownerId, timestamps) is ignored.
    record UpdateProject(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                         @Size(max = 2000) String description) {}

    record AddCollaborator(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Pattern(regexp = ROLE, message = "must be viewer, collaborator or owner") String role) {}

    record ChangeRole(@NotNull @Pattern(regexp = ROLE, message = "must be viewer, collaborator or owner") String role) {}

    private final Projects projects;
    private final Collaborators collaborators;

    ProjectController(Projects projects, Collaborators collaborators) {
        this.projects = projects;
        this.collaborators = collaborators;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Project create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateProject body) {
        return projects.create(caller.id(), body.name(), body.description());
    }

    @GetMapping
    Page<Project> list(@AuthenticationPrincipal AuthenticatedUser caller,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return projects.list(caller.id(), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    Project get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return projects.get(caller.id(), id);
    }

    @PatchMapping("/{id}")
    Project update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                   @Valid @RequestBody UpdateProject body) {
        return projects.update(caller.id(), id, body.name(), body.description());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        projects.delete(caller.id(), id);
    }

    @GetMapping("/{id}/collaborators")
    List<Collaborator> collaborators(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return collaborators.list(caller.id(), id);
    }

    @PostMapping("/{id}/collaborators")
    @ResponseStatus(HttpStatus.CREATED)
    Collaborator addCollaborator(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                                 @Valid @RequestBody AddCollaborator body) {
        return collaborators.add(caller.id(), id, body.email(), ProjectRole.valueOf(body.role()));
    }

    @PatchMapping("/{id}/collaborators/{userId}")
    Collaborator changeRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                            @PathVariable UUID userId, @Valid @RequestBody ChangeRole body) {
        return collaborators.changeRole(caller.id(), id, userId, ProjectRole.valueOf(body.role()));
    }

    @DeleteMapping("/{id}/collaborators/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCollaborator(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                            @PathVariable UUID userId) {
        collaborators.remove(caller.id(), id, userId);
    }
}
