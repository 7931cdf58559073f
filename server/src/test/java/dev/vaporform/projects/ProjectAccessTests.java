package dev.vaporform.projects;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Projects and members through the API, and who may do what (cases 17–25). */
class ProjectAccessTests extends IntegrationTest {

    private Session owner;
    private Session collaborator;
    private Session viewer;
    private Session outsider;
    private String projectId;

    @BeforeEach
    void shareAProject() {
        owner = users.register(uniqueEmail("owner"));
        collaborator = users.register(uniqueEmail("collab"));
        viewer = users.register(uniqueEmail("viewer"));
        outsider = users.register(uniqueEmail("outsider"));
        var created = http.post("/api/projects", Map.of("name", "Rocket", "description", "to the moon")).bearer(owner.accessToken()).send();
        assertThat(created.status()).isEqualTo(201);
        projectId = created.text("id");
        assertThat(created.text("role")).isEqualTo("owner");
        assertThat(created.text("ownerId")).isEqualTo(owner.id().toString());
        add(collaborator, "collaborator");
        add(viewer, "viewer");
    }

    private void add(Session who, String role) {
        var response = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", who.email(), "role", role))
                .bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.text("role")).isEqualTo(role);
    }

    @Test
    void membersSeeTheProjectWithTheirOwnRole() {
        var asViewer = http.get("/api/projects/" + projectId).bearer(viewer.accessToken()).send();
        assertThat(asViewer.status()).isEqualTo(200);
        assertThat(asViewer.text("role")).isEqualTo("viewer");
        assertThat(asViewer.text("name")).isEqualTo("Rocket");
        var members = http.get("/api/projects/" + projectId + "/collaborators").bearer(viewer.accessToken()).send();
        assertThat(members.json().size()).isEqualTo(3);
        assertThat(members.body()).contains(owner.email(), collaborator.email(), viewer.email());
    }

    @Test
    void rejectsAnonymousCallersWith401() {
        var response = http.get("/api/projects/" + projectId).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void outsiderGetsTheSame404AsForANonexistentProject() {
        String sameId = "fixed-correlation-id-0001";
        for (String suffix : new String[]{"", "/collaborators"}) {
            Http.Response hidden = http.get("/api/projects/" + projectId + suffix).bearer(outsider.accessToken())
                    .header("X-Correlation-Id", sameId).send();
            Http.Response missing = http.get("/api/projects/" + UUID.randomUUID() + suffix).bearer(outsider.accessToken())
                    .header("X-Correlation-Id", sameId).send();
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).isEqualTo(missing.body());
        }
        Http.Response patch = http.patch("/api/projects/" + projectId, Map.of("name", "mine")).bearer(outsider.accessToken())
                .header("X-Correlation-Id", sameId).send();
        Http.Response delete = http.delete("/api/projects/" + projectId).bearer(outsider.accessToken())
                .header("X-Correlation-Id", sameId).send();
        Http.Response missing = http.delete("/api/projects/" + UUID.randomUUID()).bearer(outsider.accessToken())
                .header("X-Correlation-Id", sameId).send();
        assertThat(patch.body()).isEqualTo(missing.body());
        assertThat(delete.body()).isEqualTo(missing.body());
        assertThat(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().text("name")).isEqualTo("Rocket");
    }

    @Test
    void rejectsMemberOfAnotherProjectNamedUnderThisOne() {
        var other = http.post("/api/projects", Map.of("name", "Other")).bearer(outsider.accessToken()).send().text("id");
        var response = http.delete("/api/projects/" + projectId + "/collaborators/" + outsider.id()).bearer(owner.accessToken()).send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + other).bearer(outsider.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void rejectsViewerAndCollaboratorChangesThatNeedAnOwner() {
        var viewerRename = http.patch("/api/projects/" + projectId, Map.of("name", "hijacked")).bearer(viewer.accessToken()).send();
        assertThat(viewerRename.status()).isEqualTo(403);
        assertThat(viewerRename.text("code")).isEqualTo("project-role-too-low");
        var collabAdds = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", outsider.email(), "role", "owner"))
                .bearer(collaborator.accessToken()).send();
        assertThat(collabAdds.status()).isEqualTo(403);
        var collabRoles = http.patch("/api/projects/" + projectId + "/collaborators/" + viewer.id(), Map.of("role", "owner"))
                .bearer(collaborator.accessToken()).send();
        assertThat(collabRoles.status()).isEqualTo(403);
        var selfPromotion = http.patch("/api/projects/" + projectId + "/collaborators/" + viewer.id(), Map.of("role", "owner"))
                .bearer(viewer.accessToken()).send();
        assertThat(selfPromotion.status()).isEqualTo(403);
        var collabDeletes = http.delete("/api/projects/" + projectId).bearer(collaborator.accessToken()).send();
        assertThat(collabDeletes.status()).isEqualTo(403);
        var roles = http.get("/api/projects/" + projectId + "/collaborators").bearer(owner.accessToken()).send().body();
        assertThat(roles).doesNotContain(outsider.email());
        assertThat(http.get("/api/projects/" + projectId).bearer(viewer.accessToken()).send().text("role")).isEqualTo("viewer");
    }

    @Test
    void ignoresFieldsAPatchMayNotChange() {
        var before = http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().json();
        var patched = http.patch("/api/projects/" + projectId, Map.of("name", "Renamed", "ownerId", outsider.id().toString(),
                "id", UUID.randomUUID().toString(), "createdAt", "2000-01-01T00:00:00Z", "role", "owner")).bearer(owner.accessToken()).send();
        assertThat(patched.status()).isEqualTo(200);
        var after = http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().json();
        assertThat(after.path("name").asString()).isEqualTo("Renamed");
        assertThat(after.path("id").asString()).isEqualTo(projectId);
        assertThat(after.path("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(after.path("createdAt").asString()).isEqualTo(before.path("createdAt").asString());
        assertThat(http.get("/api/projects/" + projectId).bearer(outsider.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsRemovingOrDemotingTheLastOwner() {
        var leave = http.delete("/api/projects/" + projectId + "/collaborators/" + owner.id()).bearer(owner.accessToken()).send();
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.text("code")).isEqualTo("last-owner");
        var demote = http.patch("/api/projects/" + projectId + "/collaborators/" + owner.id(), Map.of("role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(demote.status()).isEqualTo(409);
        // With a second owner, the first may step down.
        http.patch("/api/projects/" + projectId + "/collaborators/" + collaborator.id(), Map.of("role", "owner")).bearer(owner.accessToken()).send();
        assertThat(http.delete("/api/projects/" + projectId + "/collaborators/" + owner.id()).bearer(owner.accessToken()).send().status())
                .isEqualTo(204);
        assertThat(http.get("/api/projects/" + projectId).bearer(collaborator.accessToken()).send().text("ownerId"))
                .isEqualTo(collaborator.id().toString());
    }

    @Test
    void listShowsOnlyTheCallersProjects() {
        http.post("/api/projects", Map.of("name", "Secret")).bearer(outsider.accessToken()).send();
        var list = http.get("/api/projects").bearer(viewer.accessToken()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(1);
        assertThat(list.json().path("items").get(0).path("id").asString()).isEqualTo(projectId);
        assertThat(list.body()).doesNotContain("Secret");
        assertThat(list.json().path("page").asInt()).isZero();
        assertThat(list.json().path("size").asInt()).isPositive();
    }

    @Test
    void removedCollaboratorGets404OnTheNextRequestAndMemberMayLeave() {
        assertThat(http.delete("/api/projects/" + projectId + "/collaborators/" + collaborator.id()).bearer(owner.accessToken()).send().status())
                .isEqualTo(204);
        assertThat(http.get("/api/projects/" + projectId).bearer(collaborator.accessToken()).send().status()).isEqualTo(404);
        assertThat(http.delete("/api/projects/" + projectId + "/collaborators/" + viewer.id()).bearer(viewer.accessToken()).send().status())
                .isEqualTo(204);
        assertThat(http.get("/api/projects/" + projectId).bearer(viewer.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsAddingUnknownEmailsAndExistingMembers() {
        var unknown = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", uniqueEmail("ghost"), "role", "viewer"))
                .bearer(owner.accessToken()).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("user-not-found");
        var again = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", viewer.email(), "role", "owner"))
                .bearer(owner.accessToken()).send();
        assertThat(again.status()).isEqualTo(409);
        var badRole = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", outsider.email(), "role", "god"))
                .bearer(owner.accessToken()).send();
        assertThat(badRole.status()).isEqualTo(400);
    }

    @Test
    void ownerDeletesTheProjectAndEveryoneLosesIt() {
        assertThat(http.delete("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + projectId).bearer(viewer.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsBlankNamesAndOverlongDescriptions() {
        assertThat(http.post("/api/projects", Map.of("name", "  ")).bearer(owner.accessToken()).send().status()).isEqualTo(400);
        assertThat(http.patch("/api/projects/" + projectId, Map.of("name", " ")).bearer(owner.accessToken()).send().status()).isEqualTo(400);
        assertThat(http.post("/api/projects", Map.of("name", "x", "description", "d".repeat(2001))).bearer(owner.accessToken()).send().status())
                .isEqualTo(400);
    }
}
