package dev.vaporform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/**} and {@code /ws/**} handler the application has registered, as method and
 * pattern, and how to call one: the tests that walk all routes (guards, scopes) share this, so a
 * new endpoint is walked by each of them without anyone listing it.
 */
public final class ApiRoutes {

    /** One handler's method and pattern, e.g. {@code PATCH /api/projects/{id}/collaborators/{userId}}. */
    public record Route(String method, String pattern) {

        /** @return the pattern with {@code {id}} as the given project, other variables random, {@code /**} a file path */
        public String concrete(String projectId) {
            return pattern.replace("{id}", projectId).replaceAll("/\\{\\*[^}]+}", "/some/path.txt")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("/**", "/some/path.txt");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private ApiRoutes() {}

    /** @return every registered API route (a handler without a method condition counts as GET) */
    public static List<Route> of(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/ws/")) continue;
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        }
        assertThat(routes).as("the inventory must see the API").hasSizeGreaterThan(15);
        return routes;
    }

    /** Calls the route at {@code path} with an empty JSON body where it takes one, and the token when not null. */
    public static Http.Response call(Http http, Route route, String path, String token) {
        var request = switch (route.method()) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            case "POST" -> http.post(path, "{}");
            case "PATCH" -> http.patch(path, "{}");
            case "PUT" -> http.put(path, "{}");
            default -> throw new IllegalStateException("untested method " + route.method());
        };
        if (token != null) request.bearer(token);
        return request.header("X-Correlation-Id", "route-inventory-fixed-id").send();
    }
}
