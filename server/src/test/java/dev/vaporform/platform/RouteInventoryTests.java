package dev.vaporform.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.vaporform.support.ApiContract;
import dev.vaporform.support.ApiRoutes;
import dev.vaporform.support.ApiRoutes.Route;
import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every handler the application has registered. Each must be on the explicit
 * public list or refuse anonymous callers with 401; every route under a project must answer a
 * non-member with the same 404 as a project that does not exist; admin routes refuse non-admins.
 * A new endpoint that is none of these, or that the contract in {@code docs/api.md} does not
 * list, fails this test.
 */
class RouteInventoryTests extends IntegrationTest {

    private static final AntPathMatcher ANT = new AntPathMatcher();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    @Qualifier("webSocketHandlerMapping")
    AbstractUrlHandlerMapping webSockets;

    private List<Route> apiRoutes() {
        return ApiRoutes.of(mappings);
    }

    private static boolean isPublic(String pattern) {
        return PublicRoutes.API.stream().anyMatch(p -> ANT.match(p, pattern));
    }

    private Http.Response call(Route route, String path, String token) {
        return ApiRoutes.call(http, route, path, token);
    }

    @Test
    void everyRouteIsPublicByNameOrRefusesAnonymousCallers() {
        for (Route route : apiRoutes()) {
            if (isPublic(route.pattern())) continue;
            var response = call(route, route.concrete(UUID.randomUUID().toString()), null);
            assertThat(response.status()).as(route + " must be guarded").isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(route.toString()).isEqualTo("Bearer");
            assertThat(response.header("Content-Type")).as(route.toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void publicRoutesAreExactlyTheListedOnes() {
        var publicOnes = apiRoutes().stream().map(Route::pattern).filter(RouteInventoryTests::isPublic).distinct().sorted().toList();
        assertThat(publicOnes).containsExactly("/api/auth/login", "/api/auth/logout", "/api/auth/refresh", "/api/auth/register");
    }

    @Test
    void everyProjectRouteAnswersNonMembersLikeAMissingProject() {
        Session owner = users.register(uniqueEmail("inventory-owner"));
        Session stranger = users.register(uniqueEmail("inventory-stranger"));
        String projectId = http.post("/api/projects", Map.of("name", "Inventory")).bearer(owner.accessToken()).send().text("id");
        String notFound = http.get("/api/projects/" + UUID.randomUUID()).bearer(stranger.accessToken())
                .header("X-Correlation-Id", "route-inventory-fixed-id").send().body();
        List<Route> projectRoutes = apiRoutes().stream().filter(r -> r.pattern().startsWith("/api/projects/{id}")).toList();
        assertThat(projectRoutes).isNotEmpty();
        for (Route route : projectRoutes) {
            var response = call(route, route.concrete(projectId), stranger.accessToken());
            assertThat(response.status()).as(route + " for a non-member").isEqualTo(404);
            assertThat(response.body()).as(route + " must not reveal the project").isEqualTo(notFound);
        }
        assertThat(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(200);
    }

    /**
     * Both what the server describes ({@code /v3/api-docs}) and what it has registered (a handler
     * the OpenAPI document leaves out still counts) must be in the contract. Routes the contract
     * promises for capabilities still to come are not required of the server.
     */
    @Test
    void everyRouteTheServerHasIsInTheContract() {
        ApiContract contract = ApiContract.inRepository();
        assertThat(contract.routes()).as("the contract's tables were read").hasSizeGreaterThan(30);
        Set<String> served = new TreeSet<>(describedRoutes());
        apiRoutes().forEach(route -> served.add(route.method() + " " + ApiContract.normalize(route.pattern())));

        assertThat(served).as("routes the server has and docs/api.md does not list").isSubsetOf(contract.routes());
        assertThat(webSockets.getHandlerMap().keySet()).as("WebSockets the server has and docs/api.md does not name")
                .isNotEmpty().isSubsetOf(contract.sockets());
    }

    /** @return every {@code /api} operation of the served OpenAPI document as {@code METHOD /normalized/path} */
    private List<String> describedRoutes() {
        var paths = http.get("/v3/api-docs").send().json().path("paths");
        List<String> routes = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) continue;
            for (String method : paths.path(path).propertyNames()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    routes.add(method.toUpperCase() + " " + ApiContract.normalize(path));
                }
            }
        }
        assertThat(routes).as("the OpenAPI document describes the API").hasSizeGreaterThan(15);
        return routes;
    }

    @Test
    void everyAdminRouteRefusesOrdinaryUsers() {
        Session plain = users.register(uniqueEmail("inventory-plain"));
        for (Route route : apiRoutes().stream().filter(r -> r.pattern().startsWith("/api/admin/")).toList()) {
            assertThat(call(route, route.concrete(UUID.randomUUID().toString()), plain.accessToken()).status())
                    .as(route.toString()).isEqualTo(403);
        }
    }
}
