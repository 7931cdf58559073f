package dev.vaporform.ai.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vaporform.ai.internal.GenerateCommand;
import dev.vaporform.ai.internal.Generations;
import dev.vaporform.ai.internal.context.ContextRequest;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.InvalidParameter;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/** {@code POST …/ai/generate}: an answer as server-sent events ({@code delta}, {@code edit}, {@code done}, {@code error}). */
@RestController
class AiController {

    /**
     * @param selection the selected range of the open file in code points (as ShareDB's text type counts)
     * @param apply     apply the valid edits (default: only propose them)
     */
    record GenerateBody(String prompt, String path, Selection selection, UUID sessionId, Boolean apply) {}

    record Selection(Integer from, Integer to) {}

    private final Generations generations;
    private final ProjectAccess access;

    AiController(Generations generations, ProjectAccess access) {
        this.generations = generations;
        this.access = access;
    }

    // no "produces": a refusal before the stream starts must still be written as problem+json
    @PostMapping("/api/projects/{id}/ai/generate")
    SseEmitter generate(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @RequestBody GenerateBody body) {
        access.require(caller.id(), id, ProjectRole.collaborator);
        ContextRequest.Selection selection = null;
        if (body.selection() != null) {
            if (body.selection().from() == null || body.selection().to() == null) throw new InvalidParameter("selection", "needs from and to");
            selection = new ContextRequest.Selection(body.selection().from(), body.selection().to());
        }
        return generations.start(new GenerateCommand(id, caller.id(), body.prompt(), body.path(), selection, body.sessionId(),
                Boolean.TRUE.equals(body.apply())));
    }
}
