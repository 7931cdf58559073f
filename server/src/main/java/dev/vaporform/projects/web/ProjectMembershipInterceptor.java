package dev.vaporform.projects.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/**
 * Every route under {@code /api/projects/{id}} — whichever module serves it — first checks that
 * the caller is a member of that project, before the body is read or validated. So a
 * non-member gets the same 404 from every route, and a new route cannot forget the check.
 * Finer role checks (collaborator, owner) stay with the action, through {@link ProjectAccess}.
 */
@Component
class ProjectMembershipInterceptor implements HandlerInterceptor {

    static final String PROJECT_ROUTES = "/api/projects/{id}";

    private final ProjectAccess access;

    ProjectMembershipInterceptor(ProjectAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // a streamed answer ends with an async dispatch of the same request, checked when it began
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) return true;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String p) || !(p.equals(PROJECT_ROUTES) || p.startsWith(PROJECT_ROUTES + "/"))) return true;
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser caller)) throw new ProjectNotFound();
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        UUID projectId = parse(variables == null ? null : variables.get("id"));
        if (caller.workspace()) return requireStarterMayWrite(caller, projectId);
        access.require(caller.id(), projectId, ProjectRole.viewer);
        return true;
    }

    /**
     * A workspace acts for the user who started it, and only while that user may still write the
     * project: its rights are a collaborator's, bounded by the starter's. (The security chain has
     * already confined it to its own project's file routes; this holds even if that ever slipped.)
     */
    private boolean requireStarterMayWrite(AuthenticatedUser workspace, UUID projectId) {
        if (!projectId.equals(workspace.projectScope())) throw new ProjectNotFound();
        access.require(workspace.id(), projectId, ProjectRole.collaborator);
        return true;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new ProjectNotFound(); // a malformed id names no project anyone can see
        }
    }
}
