package dev.vaporform.containers;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.TerminalClient;
import dev.vaporform.support.Users;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A terminal does not outlive the right to use it. A collaborator pairs with the owner in one
 * shell; then their role is lowered, they are removed, their sign-in ends (logout, logout-all,
 * password change, deactivation) or the API token their ticket came from is deleted, and they
 * type {@code touch}: the input is refused, the socket closes 1008 with the reason within two
 * seconds (the events, not {@code terminal-revalidate-interval}, which keeps its default here),
 * and the shell the owner still uses never ran it. All cases share one workspace.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalRevocationTests extends WorkspaceTestSupport {

    private static final Duration QUICKLY = Duration.ofSeconds(2);

    private final List<TerminalClient> clients = new ArrayList<>();

    @BeforeEach
    void workspace() {
        if (projectId != null) return;
        createProject("Revocation");
        start();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TerminalClient::close);
        clients.clear();
    }

    @AfterAll
    void cleanUp() {
        removeWorkspace();
    }

    @Test
    void rejectsInputOfACollaboratorLoweredToViewer() throws Exception {
        Session member = collaborator();
        attack(member, () -> http.patch("/api/projects/" + projectId + "/collaborators/" + member.id(), Map.of("role", "viewer"))
                .bearer(owner.accessToken()).send(), "project-access-revoked");
    }

    @Test
    void rejectsInputOfARemovedMember() throws Exception {
        Session member = collaborator();
        attack(member, () -> http.delete("/api/projects/" + projectId + "/collaborators/" + member.id())
                .bearer(owner.accessToken()).send(), "project-access-revoked");
    }

    @Test
    void rejectsInputAfterTheUserLoggedOutEverywhere() throws Exception {
        Session member = collaborator();
        attack(member, () -> http.post("/api/auth/logout-all", null).bearer(member.accessToken()).send(), "session-ended");
    }

    @Test
    void rejectsInputAfterThePasswordWasChanged() throws Exception {
        Session member = collaborator();
        attack(member, () -> http.post("/api/auth/password", Map.of("currentPassword", Users.PASSWORD,
                "newPassword", "Another-test-passphrase-43!")).bearer(member.accessToken()).send(), "session-ended");
    }

    @Test
    void rejectsInputAfterLogoutButKeepsTheUsersOtherSignIn() throws Exception {
        Session member = collaborator();
        Session elsewhere = users.login(member.email(), Users.PASSWORD);
        TerminalClient other = connect(elsewhere, UUID.randomUUID());
        attack(member, () -> http.post("/api/auth/logout", Map.of("refreshToken", member.refreshToken())).send(), "session-ended");
        assertStillWorks(other);
    }

    @Test
    void rejectsInputOfAUserDeactivatedByAnAdmin() throws Exception {
        Session member = collaborator();
        Session admin = users.login(ADMIN_EMAIL, Users.PASSWORD);
        attack(member, () -> http.patch("/api/admin/users/" + member.id(), Map.of("active", false))
                .bearer(admin.accessToken()).send(), "session-ended");
    }

    @Test
    void rejectsInputOfATerminalWhoseApiTokenWasDeleted() throws Exception {
        Session member = collaborator();
        var created = http.post("/api/auth/tokens", Map.of("name", "script", "expiresInDays", 1)).bearer(member.accessToken()).send();
        Session viaToken = new Session(member.id(), member.email(), created.text("token"), null);
        TerminalClient withJwt = connect(member, UUID.randomUUID());
        attack(viaToken, () -> http.delete("/api/auth/tokens/" + created.text("id")).bearer(member.accessToken()).send(),
                "session-ended");
        assertStillWorks(withJwt);
    }

    /**
     * The member types into the owner's shell (it works), {@code revoke} runs, the member types
     * {@code touch}: refused with an error frame and 1008 {@code reason}, and no file appears.
     */
    private void attack(Session member, Runnable revoke, String reason) throws Exception {
        UUID shell = UUID.randomUUID();
        TerminalClient mine = connect(owner, shell);
        TerminalClient theirs = connect(member, shell);
        theirs.type("echo allowed-$((6*7))\n");
        mine.awaitOutput("allowed-42");

        revoke.run();
        String file = "pwned-" + UUID.randomUUID().toString().substring(0, 8);
        theirs.type("touch " + file + "\n");
        TerminalClient.Closed closed = closedQuickly(theirs);

        var softly = new SoftAssertions();
        softly.assertThat(shellSees(mine, file)).as("the refused input ran in the shell").isFalse();
        softly.assertThat(Files.exists(projectDir().resolve(file))).as("the file the refused input would create").isFalse();
        softly.assertThat(closed).as("closed within %s", QUICKLY).isEqualTo(new TerminalClient.Closed(1008, reason));
        softly.assertThat(theirs.output()).contains("\"type\":\"error\"", "\"code\":\"" + reason + "\"");
        softly.assertAll();
        assertStillWorks(mine);
    }

    private static TerminalClient.Closed closedQuickly(TerminalClient client) {
        try {
            return client.closedWithin(QUICKLY);
        } catch (CompletionException stillOpen) {
            return null;
        }
    }

    /** @return whether the shell finds the file (the check runs after anything typed before it) */
    private static boolean shellSees(TerminalClient shell, String file) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        shell.type("test -e " + file + " && echo " + marker + "-$((6*7)) || echo " + marker + "-$((6*6))\n");
        return await().atMost(Duration.ofSeconds(10)).until(() -> shell.output().contains(marker + "-42")
                ? Boolean.TRUE : shell.output().contains(marker + "-36") ? Boolean.FALSE : null, answer -> answer != null);
    }

    private static void assertStillWorks(TerminalClient client) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        client.type("echo " + marker + "-$((6*7))\n");
        client.awaitOutput(marker + "-42");
        assertThat(client.isClosed()).isFalse();
    }

    private Session collaborator() {
        Session member = users.register(uniqueEmail("term-member"));
        var added = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", member.email(), "role", "collaborator"))
                .bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return member;
    }

    private TerminalClient connect(Session who, UUID shell) {
        String ticket = http.post("/api/realtime/tickets", null).bearer(who.accessToken()).send().text("ticket");
        TerminalClient client = TerminalClient.connect(port, projectId, shell, ticket);
        clients.add(client);
        return client;
    }
}
