package dev.vaporform.files.web;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.files.internal.MoveService;
import dev.vaporform.files.internal.TreeService;
import dev.vaporform.files.watch.ProjectWatchers;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/** Directories and moves, with paths in JSON bodies (validated by the files module, not the URL firewall). */
@RestController
@RequestMapping("/api/projects/{id}")
class TreeController {

    record NewDirectory(@NotNull String path) {}

    record Move(@NotNull String from, @NotNull String to) {}

    private final ProjectAccess access;
    private final TreeService trees;
    private final MoveService moves;
    private final ProjectWatchers watchers;

    TreeController(ProjectAccess access, TreeService trees, MoveService moves, ProjectWatchers watchers) {
        this.access = access;
        this.trees = trees;
        this.moves = moves;
        this.watchers = watchers;
    }

    @PostMapping("/directories")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> mkdir(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                              @Valid @RequestBody NewDirectory body) {
        allow(caller, id);
        trees.mkdir(id, body.path());
        return Map.of("path", body.path());
    }

    @PostMapping("/move")
    Map<String, Object> move(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                             @Valid @RequestBody Move body) {
        allow(caller, id);
        moves.move(id, body.from(), body.to(), caller.id());
        return Map.of("from", body.from(), "to", body.to());
    }

    private void allow(AuthenticatedUser caller, UUID projectId) {
        access.require(caller.id(), projectId, ProjectRole.collaborator);
        watchers.touch(projectId);
    }
}
