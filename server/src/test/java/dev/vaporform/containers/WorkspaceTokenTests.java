package dev.vaporform.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.vaporform.support.ApiRoutes;
import dev.vaporform.support.ApiRoutes.Route;
import dev.vaporform.support.Http;
import dev.vaporform.support.TestHome;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's credential is the workspace's own: its project's files and nothing else, never a
 * member's role. Each attack here is what a collaborator or viewer could do with a shell in, or
 * the log of, a workspace someone else started.
 */
class WorkspaceTokenTests extends WorkspaceTokenTestSupport {

    /** The file routes, and only those, that a workspace's credential may call on its own project. */
    private static final Set<String> FILE_ROUTES = Set.of(
            "GET /api/projects/{id}/tree",
            "GET /api/projects/{id}/files/{*path}",
            "PUT /api/projects/{id}/files/{*path}",
            "DELETE /api/projects/{id}/files/{*path}",
            "POST /api/projects/{id}/directories",
            "POST /api/projects/{id}/move",
            "GET /api/projects/{id}/history/{*path}",
            "GET /api/projects/{id}/search",
            "GET /api/projects/{id}/archive",
            "POST /api/projects/{id}/archive");

    @Autowired JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    @Qualifier("webSocketHandlerMapping")
    AbstractUrlHandlerMapping webSockets;

    @Test
    void rejectsACollaboratorUsingTheWorkspaceCredentialToBecomeOwnerOrDeleteTheProject() {
        createProject("Master key");
        Session collaborator = member("collaborator");
        start();
        String credential = credentialFromInside(collaborator);

        var promote = http.patch("/api/projects/" + projectId + "/collaborators/" + collaborator.id(), Map.of("role", "owner"))
                .bearer(credential).send();
        assertThat(promote.status()).as(promote.toString()).isEqualTo(403);
        assertThat(promote.text("code")).isEqualTo("token-out-of-scope");
        assertThat(roleOf(collaborator)).isEqualTo("collaborator");

        var delete = http.delete("/api/projects/" + projectId).bearer(credential).send();
        assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
        assertThat(delete.text("code")).isEqualTo("token-out-of-scope");
        assertThat(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void rejectsAViewerFindingTheCredentialInTheLifecycleLogOfAWorkspaceThatPrintsItsEnvironment() throws Exception {
        createProject("Printed environment");
        Path config = projectDir().resolve(".devcontainer");
        Files.createDirectories(config);
        Files.writeString(config.resolve("devcontainer.json"), "{\"postStartCommand\": \"env\"}");
        Session viewer = member("viewer");
        start();

        String log = logUntil(viewer, "workspace running");
        assertThat(log).doesNotContain("vfp_").doesNotContain(tokenFile());
        assertThat(log).as("the environment was printed, naming only where the token is")
                .contains("VAPORFORM_TOKEN_FILE=" + TOKEN_FILE).doesNotContain("VAPORFORM_TOKEN=");
    }

    @Test
    void theCredentialOpensExactlyTheFileRoutesOfItsOwnProjectAndRefusesEveryOtherRoute() {
        createProject("Every route");
        String other = http.post("/api/projects", Map.of("name", "Same owner")).bearer(owner.accessToken()).send().text("id");
        start();
        String credential = credentialFromInside(owner);

        Map<String, Http.Response> letThrough = new TreeMap<>();
        for (Route route : ApiRoutes.of(mappings)) {
            var response = ApiRoutes.call(http, route, route.concrete(projectId), credential);
            if (!outOfScope(response)) letThrough.put(route.toString(), response);
        }
        assertThat(letThrough.keySet()).containsExactlyInAnyOrderElementsOf(FILE_ROUTES);
        letThrough.forEach((route, response) -> {
            assertThat(response.status()).as(route + " reached the handler with a live credential: " + response).isNotIn(401, 403);
            assertThat(response.body()).as(route).doesNotContain("project-not-found");
        });

        for (Route route : ApiRoutes.of(mappings)) {
            if (!FILE_ROUTES.contains(route.toString())) continue;
            assertThat(outOfScope(ApiRoutes.call(http, route, route.concrete(other), credential)))
                    .as(route + " of another project of the same owner").isTrue();
        }
        assertThat(webSockets.getHandlerMap().keySet()).isNotEmpty();
        for (String socket : webSockets.getHandlerMap().keySet()) {
            assertThat(outOfScope(http.get(socket + "?project=" + projectId).bearer(credential).send())).as(socket).isTrue();
        }
        assertThat(outOfScope(http.get("/actuator/prometheus").bearer(credential).send())).isTrue();
    }

    @Test
    void fileWritesThroughTheCredentialAreTheStartersAndEndWithTheStartersRole() {
        createProject("Attributed");
        Session starter = member("collaborator");
        var started = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(starter.accessToken()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String credential = credentialFromInside(starter);

        var written = http.put("/api/projects/" + projectId + "/files/notes.txt", "from a tool").bearer(credential)
                .contentType("text/plain").send();
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        var history = http.get("/api/projects/" + projectId + "/history/notes.txt").bearer(owner.accessToken()).send().json();
        assertThat(history.get(0).path("authorId").asString()).isEqualTo(starter.id().toString());

        http.patch("/api/projects/" + projectId + "/collaborators/" + starter.id(), Map.of("role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(treeStatus(credential)).isEqualTo(401);
        assertThat(tokenFile()).as("no new credential for a starter who may no longer write").isEmpty();
        assertThat(workspaceTokenRows()).isZero();
    }

    @Test
    void rejectsACopiedCredentialOnceAnyMemberIsDowngradedOrRemovedWhileTheFileGetsAFreshOne() {
        createProject("Downgraded");
        Session collaborator = member("collaborator");
        Session leaving = member("viewer");
        start();
        String copied = credentialFromInside(collaborator);
        assertThat(treeStatus(copied)).isEqualTo(200);

        http.patch("/api/projects/" + projectId + "/collaborators/" + collaborator.id(), Map.of("role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(treeStatus(copied)).as("the downgraded member's copy").isEqualTo(401);
        String fresh = tokenFile();
        assertThat(fresh).startsWith("vfp_").isNotEqualTo(copied);
        assertThat(treeStatus(fresh)).isEqualTo(200);

        http.delete("/api/projects/" + projectId + "/collaborators/" + leaving.id()).bearer(owner.accessToken()).send();
        assertThat(treeStatus(fresh)).as("a credential anyone could have copied before the removal").isEqualTo(401);
        assertThat(treeStatus(tokenFile())).isEqualTo(200);
    }

    @Test
    void theCredentialIsDeletedWhenTheWorkspaceStopsAndItsRuntimeDirectoryWhenItIsRemoved() {
        createProject("Stopped");
        start();
        String first = credentialFromInside(owner);
        assertThat(treeStatus(first)).isEqualTo(200);

        http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(owner.accessToken()).send();
        assertThat(treeStatus(first)).isEqualTo(401);
        assertThat(workspaceTokenRows()).as("deleted, not suspended").isZero();

        start();
        String second = tokenFile();
        assertThat(second).startsWith("vfp_").isNotEqualTo(first);
        assertThat(treeStatus(first)).isEqualTo(401);
        assertThat(treeStatus(second)).isEqualTo(200);

        Path runtime = TestHome.path().resolve("runtime").resolve(projectId);
        assertThat(runtime.resolve("token")).exists();
        removeWorkspace();
        assertThat(treeStatus(second)).isEqualTo(401);
        assertThat(runtime).doesNotExist();
    }

    @Test
    void toolsInsideCallTheApiWithTheTokenFileButCannotReplaceIt() {
        createProject("From inside");
        start();
        var env = execAs(owner, "echo \"[$VAPORFORM_TOKEN]\"; echo \"$VAPORFORM_TOKEN_FILE\"").text("stdout");
        assertThat(env).isEqualTo("[]\n" + TOKEN_FILE + "\n");

        var call = execAs(owner, "wget -q -O - --header \"Authorization: Bearer $(cat \"$VAPORFORM_TOKEN_FILE\")\" "
                + "\"$VAPORFORM_URL/api/projects/$VAPORFORM_PROJECT_ID/tree\"");
        assertThat(call.json().path("exitCode").asInt()).as(call.toString()).isZero();
        assertThat(call.text("stdout")).startsWith("{\"entries\":");

        var forge = execAs(owner, "echo vfp_forged > " + TOKEN_FILE + " || echo refused; mv " + TOKEN_FILE
                + " /run/vaporform/moved || echo refused; ls -l " + TOKEN_FILE);
        assertThat(forge.text("stdout")).startsWith("refused\nrefused\n-rw-r--r--");
    }

    private static boolean outOfScope(Http.Response response) {
        return response.status() == 403 && "token-out-of-scope".equals(response.text("code"))
                && response.header("Content-Type").startsWith("application/problem+json");
    }

    private long workspaceTokenRows() {
        return jdbc.sql("select count(*) from api_tokens where kind = 'workspace' and project_id = ?")
                .param(UUID.fromString(projectId)).query(Long.class).single();
    }
}
