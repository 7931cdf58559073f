package dev.vaporform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sharing from inside the IDE (an account added at once, an invitation link for a new email) and live history authors. */
class ShareAndHistoryBrowserTests extends BrowserTest {

    private static Locator member(Page page, String email) {
        return page.locator(".share .member-list li[data-email='" + email + "']");
    }

    private static void addInShareDialog(Page page, String email) {
        page.locator("#share-project").click();
        page.locator(".share input[aria-label='Email to share with']").fill(email);
        page.locator(".share").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
    }

    @Test
    void anOwnerInvitesANewEmailFromTheIdeAndTheInviteeSignsUpThroughTheLinkIntoTheProject() {
        var owner = users.register(uniqueEmail("inviter"));
        String projectId = projectWithFiles(owner, "Invited " + unique(), Map.of("README.md", "# hello\n"));
        Page a = openProjectAs(owner, projectId);
        a.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        String email = "newcomer-" + unique() + "@vaporform.test";

        addInShareDialog(a, email);
        expect(a.locator(".share .invite-url")).isVisible();
        a.locator(".share .copy-link").click();
        String link = (String) a.evaluate("() => navigator.clipboard.readText()");
        assertThat(link).startsWith(BASE + "/#/invite/");
        expect(a.locator(".share .invitation-list li[data-email='" + email + "']")).isVisible();
        screenshot(a, "20-share-invite-link");

        Page b = newPage();
        b.navigate(link);
        expect(b.locator("form.auth-form[aria-label='Sign up']")).isVisible();
        b.locator("input[name=name]").fill("Nia Newcomer");
        b.locator("input[name=email]").fill(email);
        b.locator("input[name=password]").fill(Users.PASSWORD);
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        b.waitForURL(Pattern.compile(".*#/p/" + projectId));
        expect(b.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(b.locator(".project-name")).containsText("Invited");

        // the owner's open dialog follows: the newcomer is a member, the link no longer pending
        expect(member(a, email)).isVisible();
        expect(a.locator(".share .invitation-list li[data-email='" + email + "']")).hasCount(0);
    }

    @Test
    void anAccountAddedByEmailInTheIdeSeesTheProjectInItsOpenProjectListAtOnce() {
        var owner = users.register(uniqueEmail("adder"));
        var bob = users.register(uniqueEmail("listed"));
        String projectId = projectWithFiles(owner, "Shared " + unique(), Map.of("a.txt", "a\n"));
        Page list = newPage();
        signInQuietly(list, bob, "/#/projects");
        expect(list.locator("#new-project")).isVisible();
        expect(list.locator(".project-card[data-project='" + projectId + "']")).hasCount(0);

        Page a = openProjectAs(owner, projectId);
        addInShareDialog(a, bob.email());
        expect(member(a, bob.email())).isVisible();
        expect(a.locator(".share .invite-url")).hasCount(0);

        expect(list.locator(".project-card[data-project='" + projectId + "']")).isVisible();
        expect(list.locator(".project-card[data-project='" + projectId + "'] .role-badge")).hasText("collaborator");
    }

    @Test
    void theOpenHistoryPanelShowsANewLiveVersionWithTheNamesOfBothTypists() {
        var editors = twoEditorsOn("hist-ada", "hist-bob", "History", "story.md", "once\n");
        Page a = editors.a();
        Page b = editors.b();
        a.locator(".tab[data-tab='history']").click();
        Locator versions = a.locator(".history-panel .history-item");
        expect(versions).hasCount(1);

        editor(a, "story.md").click();
        a.keyboard().press("Control+End");
        editor(b, "story.md").click();
        b.keyboard().press("Control+Home");
        for (int i = 0; i < 3; i++) {
            a.keyboard().type("a");
            b.keyboard().type("b");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/projects/" + editors.projectId() + "/files/story.md").bearer(editors.first().accessToken()).send().body())
                .isEqualTo("bbbonce\naaa"));

        String ada = "Test " + editors.first().email();
        String bob = "Test " + editors.second().email();
        Locator both = versions.filter(new Locator.FilterOptions().setHasText(ada)).filter(new Locator.FilterOptions().setHasText(bob));
        expect(both.first()).isVisible();
        expect(versions.filter(new Locator.FilterOptions().setHasText("Someone"))).hasCount(0);
        screenshot(a, "21-history-authors");
    }
}
