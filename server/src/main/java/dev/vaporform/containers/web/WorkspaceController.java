package dev.vaporform.containers.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.containers.internal.ContainersProperties;
import dev.vaporform.containers.internal.ExecResult;
import dev.vaporform.containers.internal.Workspace;
import dev.vaporform.containers.internal.WorkspaceCommands;
import dev.vaporform.containers.internal.Workspaces;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/** A project's workspace, per API.md. Every action checks the caller's role first. */
@RestController
@RequestMapping("/api/projects/{id}/workspace")
class WorkspaceController {

    record Limits(long memoryBytes, double cpus, long pidsLimit) {}

    record WorkspaceView(String status, String image, String containerId, Instant startedAt, Limits limits,
                         List<String> forwardPorts, List<String> refusedKeys, String detail) {}

    // Only these fields exist: nothing a client sends can reach the container spec.
    record ExecRequest(@NotEmpty @Size(max = 256) List<@Size(max = 8192) String> command,
                       @Size(max = 1024) String workdir, @Size(max = 100) Map<String, @Size(max = 8192) String> env,
                       @Min(1) @Max(3600) Integer timeoutSeconds) {}

    private final Workspaces workspaces;
    private final WorkspaceCommands commands;
    private final ProjectAccess access;
    private final ContainersProperties properties;

    WorkspaceController(Workspaces workspaces, WorkspaceCommands commands, ProjectAccess access, ContainersProperties properties) {
        this.workspaces = workspaces;
        this.commands = commands;
        this.access = access;
        this.properties = properties;
    }

    @GetMapping
    WorkspaceView status(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.viewer);
        return view(workspaces.status(id));
    }

    @PostMapping("/start")
    WorkspaceView start(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.collaborator);
        return view(workspaces.start(id, caller.id()));
    }

    @PostMapping("/stop")
    WorkspaceView stop(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.collaborator);
        return view(workspaces.stop(id));
    }

    @PostMapping("/restart")
    WorkspaceView restart(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.collaborator);
        return view(workspaces.restart(id, caller.id()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        access.require(caller.id(), id, ProjectRole.owner);
        workspaces.remove(id);
    }

    @PostMapping("/exec")
    ExecResult exec(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @Valid @RequestBody ExecRequest body) {
        access.require(caller.id(), id, ProjectRole.collaborator);
        return commands.exec(id, body.command(), body.workdir(), body.env() == null ? Map.of() : body.env(),
                body.timeoutSeconds() == null ? 30 : body.timeoutSeconds());
    }

    private WorkspaceView view(Workspace w) {
        return new WorkspaceView(w.status().name(), w.image() == null ? properties.defaultImage() : w.image(), w.containerId(),
                w.startedAt(), new Limits(properties.memory().toBytes(), properties.cpus(), properties.pidsLimit()),
                w.forwardPorts(), w.refusedKeys(), w.detail());
    }
}
