package dev.vaporform.ai.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.ai.internal.AiReads;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * AI conversations of a project (any member may read them, as they read the chat) and the
 * caller's token usage today.
 */
@RestController
class AiSessionsController {

    private final AiReads reads;
    private final ProjectAccess access;

    AiSessionsController(AiReads reads, ProjectAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/projects/{id}/ai/sessions")
    Page<AiReads.SessionView> list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        access.require(caller.id(), id, ProjectRole.viewer);
        return reads.sessions(id, new PageRequest(page, size));
    }

    @GetMapping("/api/projects/{id}/ai/sessions/{sessionId}")
    AiReads.SessionDetail get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @PathVariable UUID sessionId) {
        access.require(caller.id(), id, ProjectRole.viewer);
        return reads.session(id, sessionId);
    }

    @GetMapping("/api/ai/usage")
    AiReads.UsageView usage(@AuthenticationPrincipal AuthenticatedUser caller) {
        return reads.usage(caller.id());
    }
}
