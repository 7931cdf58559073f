package dev.vaporform.projects;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitation links: made by owners, single use, for the named email only, short-lived, never an owner's. */
class InvitationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Session owner;
    private String projectId;

    private void project(String name) {
        owner = users.register(uniqueEmail("inv-owner"));
        projectId = http.post("/api/projects", Map.of("name", name)).bearer(owner.accessToken()).send().text("id");
    }

    private Http.Response invite(Session by, String email, String role) {
        return http.post("/api/projects/" + projectId + "/invitations", Map.of("email", email, "role", role)).bearer(by.accessToken()).send();
    }

    /** @return the secret of a new invitation, taken from its link */
    private String token(String email, String role) {
        var created = invite(owner, email, role);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.text("url");
        assertThat(url).contains("/#/invite/");
        return url.substring(url.indexOf("/#/invite/") + "/#/invite/".length());
    }

    private Http.Response accept(Session who, String token) {
        return http.post("/api/invitations/" + token + "/accept", null).bearer(who.accessToken()).send();
    }

    @Test
    void theInvitedEmailSignsUpAcceptsOnceAndBecomesAMemberWithTheInvitedRole() {
        project("Invited");
        String email = uniqueEmail("newcomer");
        var created = invite(owner, email.toUpperCase(), "collaborator");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.text("role")).isEqualTo("collaborator");
        assertThat(created.text("id")).isNotBlank();
        assertThat(created.text("expiresAt")).isNotBlank();
        String url = created.text("url");
        String token = url.substring(url.indexOf("/#/invite/") + "/#/invite/".length());
        assertThat(token).hasSizeGreaterThan(40);

        var listed = http.get("/api/projects/" + projectId + "/invitations").bearer(owner.accessToken()).send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("email").asString()).isEqualTo(email);
        assertThat(listed.body()).as("the link is shown once, at creation").doesNotContain(token).doesNotContain("url");
        assertThat(jdbc.sql("select count(*) from project_invitations where token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(token).query(Long.class).single()).as("the row holds the link's hash").isEqualTo(1);

        Session newcomer = users.register(email);
        var accepted = accept(newcomer, token);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("id")).isEqualTo(projectId);
        assertThat(accepted.text("role")).isEqualTo("collaborator");
        var members = http.get("/api/projects/" + projectId + "/collaborators").bearer(owner.accessToken()).send();
        assertThat(members.body()).contains(newcomer.id().toString());
        assertThat(http.get("/api/projects/" + projectId + "/invitations").bearer(owner.accessToken()).send().json()).isEmpty();
    }

    @Test
    void rejectsAUsedLinkTheSecondTime() {
        project("Once");
        String email = uniqueEmail("once");
        String token = token(email, "viewer");
        Session invitee = users.register(email);
        assertThat(accept(invitee, token).status()).isEqualTo(200);
        http.delete("/api/projects/" + projectId + "/collaborators/" + invitee.id()).bearer(invitee.accessToken()).send();

        var again = accept(invitee, token);
        assertThat(again.status()).as(again.toString()).isEqualTo(404);
        assertThat(again.text("code")).isEqualTo("invitation-not-found");
        assertThat(http.get("/api/projects/" + projectId).bearer(invitee.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void rejectsAcceptanceByASignedInUserWhoseEmailIsNotTheInvitedOne() {
        project("Stolen link");
        String email = uniqueEmail("rightful");
        String token = token(email, "collaborator");
        Session thief = users.register(uniqueEmail("thief"));

        var stolen = accept(thief, token);
        assertThat(stolen.status()).as(stolen.toString()).isEqualTo(404);
        assertThat(stolen.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get("/api/projects/" + projectId).bearer(thief.accessToken()).send().status()).isEqualTo(404);
        assertThat(accept(users.register(email), token).status()).as("the rightful invitee can still use it").isEqualTo(200);
    }

    @Test
    void rejectsAnExpiredLinkAndAnUnknownOne() {
        project("Expired");
        String email = uniqueEmail("late");
        String token = token(email, "viewer");
        jdbc.sql("update project_invitations set expires_at = now() - interval '1 minute' where project_id = ?")
                .param(UUID.fromString(projectId)).update();
        Session late = users.register(email);

        assertThat(accept(late, token).status()).isEqualTo(404);
        assertThat(accept(late, "vfi_" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + projectId + "/invitations").bearer(owner.accessToken()).send().json())
                .as("expired invitations are not pending").isEmpty();
    }

    @Test
    void rejectsInvitationManagementByMembersWhoAreNotOwners() {
        project("Owners only");
        Session collaborator = users.register(uniqueEmail("inv-collab"));
        http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", collaborator.email(), "role", "collaborator"))
                .bearer(owner.accessToken()).send();
        String id = invite(owner, uniqueEmail("someone"), "viewer").text("id");

        var created = invite(collaborator, uniqueEmail("friend"), "collaborator");
        assertThat(created.status()).as(created.toString()).isEqualTo(403);
        assertThat(http.get("/api/projects/" + projectId + "/invitations").bearer(collaborator.accessToken()).send().status()).isEqualTo(403);
        assertThat(http.delete("/api/projects/" + projectId + "/invitations/" + id).bearer(collaborator.accessToken()).send().status()).isEqualTo(403);
        Session stranger = users.register(uniqueEmail("inv-stranger"));
        assertThat(invite(stranger, uniqueEmail("x"), "viewer").status()).isEqualTo(404);
    }

    @Test
    void rejectsAnInvitationThatWouldMakeAnOwner() {
        project("No owners by link");
        var refused = invite(owner, uniqueEmail("would-be-owner"), "owner");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("validation");
        assertThat(http.get("/api/projects/" + projectId + "/invitations").bearer(owner.accessToken()).send().json()).isEmpty();
    }

    @Test
    void rejectsRevokedLinksAndLinksOfADeletedProject() {
        project("Revoked");
        String email = uniqueEmail("revoked");
        var created = invite(owner, email, "viewer");
        String url = created.text("url");
        String revokedToken = url.substring(url.indexOf("/#/invite/") + "/#/invite/".length());
        assertThat(http.delete("/api/projects/" + projectId + "/invitations/" + created.text("id")).bearer(owner.accessToken()).send().status())
                .isEqualTo(204);
        Session invitee = users.register(email);
        assertThat(accept(invitee, revokedToken).status()).isEqualTo(404);

        String token = token(email, "viewer");
        assertThat(http.delete("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(accept(invitee, token).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from project_invitations where project_id = ?").param(UUID.fromString(projectId))
                .query(Long.class).single()).isZero();
    }

    @Test
    void rejectsAFloodOfInvitationsWithTooManyRequests() {
        project("Flood");
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) status = invite(owner, uniqueEmail("flood"), "viewer").status();
        assertThat(status).isEqualTo(429);
    }

    @Test
    void aNewLinkForTheSameEmailReplacesTheOldOne() {
        project("Replaced");
        String email = uniqueEmail("twice");
        String first = token(email, "viewer");
        String second = token(email, "collaborator");
        Session invitee = users.register(email);
        assertThat(accept(invitee, first).status()).isEqualTo(404);
        assertThat(accept(invitee, second).text("role")).isEqualTo("collaborator");
    }
}
