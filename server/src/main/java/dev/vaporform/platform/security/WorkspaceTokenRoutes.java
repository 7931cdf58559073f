package dev.vaporform.platform.security;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The only requests a workspace's credential may make: reading and writing its own project's
 * files. Everything else — members, settings, deletion, the workspace itself (exec, start, stop,
 * logs), AI, sessions and chat, realtime tickets and WebSockets, {@code /api/auth/**}, other
 * projects, operations — is refused, including routes added later, since this list names what is
 * allowed rather than what is not.
 */
final class WorkspaceTokenRoutes {

    private record Allowed(HttpMethod method, PathPattern pattern) {
        boolean matches(String method, PathContainer path, UUID project) {
            if (!this.method.matches(method)) return false;
            var match = pattern.matchAndExtract(path);
            // the id exactly as the scope spells it: any other spelling names no project of ours
            return match != null && project.toString().equals(match.getUriVariables().get("project"));
        }
    }

    private static final String PROJECT = "/api/projects/{project}";
    private static final List<Allowed> ALLOWED = List.of(
            allow(HttpMethod.GET, "/tree"),
            allow(HttpMethod.GET, "/files/**"),
            allow(HttpMethod.PUT, "/files/**"),
            allow(HttpMethod.DELETE, "/files/**"),
            allow(HttpMethod.POST, "/directories"),
            allow(HttpMethod.POST, "/move"),
            allow(HttpMethod.GET, "/history/**"),
            allow(HttpMethod.GET, "/search"),
            allow(HttpMethod.GET, "/archive"),
            allow(HttpMethod.POST, "/archive"));

    private WorkspaceTokenRoutes() {}

    /** @return whether the workspace of {@code project} may make this request */
    static boolean allow(HttpServletRequest request, UUID project) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer path = PathContainer.parsePath(uri);
        return ALLOWED.stream().anyMatch(a -> a.matches(request.getMethod(), path, project));
    }

    private static Allowed allow(HttpMethod method, String route) {
        return new Allowed(method, PathPatternParser.defaultInstance.parse(PROJECT + route));
    }
}
