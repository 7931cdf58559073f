package dev.vaporform.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in errors as sentences, projects, a file typed into, and a session that survives a reload. */
class AccountAndProjectsBrowserTests extends BrowserTest {

    @Test
    void signsUpCreatesAProjectAndAFileAndStaysSignedInAcrossAReload() {
        Page page = newPage();
        page.navigate("/");
        expect(page.locator("form.auth-form")).isVisible();
        screenshot(page, "01-sign-in");

        page.getByText("New here? Create an account").click();
        String email = "ui-" + unique() + "@vaporform.test";
        page.locator("input[name=name]").fill("Grace Hopper");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(Users.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        expect(page.locator("#new-project")).isVisible();
        page.locator("#new-project").click();
        page.locator(".dialog input[name=name]").fill("Compiler");
        page.locator(".dialog button.primary").click();
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");

        page.locator("button[aria-label='New file']").click();
        page.locator(".dialog input[name=path]").fill("src/hello.py");
        page.locator(".dialog button.primary").click();
        var editor = editor(page, "src/hello.py");
        expect(editor).isVisible();
        editor.click();
        page.keyboard().type("print('bugs 🐛 found')");
        expect(editor).hasText("print('bugs 🐛 found')");
        expect(page.locator("#connection-state")).hasText("Connected"); // no edits waiting
        screenshot(page, "03-ide");

        page.reload();
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        page.locator("button.tree-label[data-path='src']").isVisible();
        openFile(page, "src/hello.py");
        expect(editor(page, "src/hello.py")).hasText("print('bugs 🐛 found')");

        page.navigate("/#/projects");
        expect(page.locator(".project-card")).hasCount(1);
        expect(page.locator(".project-card")).containsText("Compiler");
        screenshot(page, "02-projects");
    }

    @Test
    void managesApiTokensInSettingsAndSignsOut() {
        var user = users.register(uniqueEmail("tokens"));
        Page page = newPage();
        signInQuietly(page, user, "/#/settings");
        page.locator("input[aria-label='Token name']").fill("laptop script");
        page.locator("button:text('Create token')").click();
        var token = page.locator(".token-value");
        expect(token).isVisible();
        String value = token.textContent();
        screenshot(page, "15-settings-token");
        assertThat(http.get("/api/auth/me").bearer(value).send().status()).isEqualTo(200); // the token works
        page.locator(".dialog button:text('Close')").click();
        expect(page.locator(".token-list li")).hasCount(1);
        page.locator(".token-list button:text('Revoke')").click();
        expect(page.locator(".token-list")).containsText("No API tokens.");
        assertThat(http.get("/api/auth/me").bearer(value).send().status()).isEqualTo(401);

        page.locator("#sign-out").click();
        expect(page.locator("form.auth-form")).isVisible();
        page.reload();
        expect(page.locator("form.auth-form")).isVisible(); // the session is over, not just hidden
    }

    @Test
    void renamesAndDeletesAProject() {
        var owner = users.register(uniqueEmail("renamer"));
        String projectId = projectWithFiles(owner, "Draft name", java.util.Map.of());
        Page page = newPage();
        signInQuietly(page, owner, "/#/projects");
        var card = page.locator(".project-card[data-project='" + projectId + "']");
        card.locator("button:text('Rename')").click();
        page.locator(".dialog input[name=name]").fill("Final name");
        page.locator(".dialog button.primary").click();
        expect(card).containsText("Final name");

        card.locator("button:text('Delete')").click();
        expect(page.locator(".dialog")).containsText("Final name");
        page.locator(".dialog button.primary").click();
        expect(card).hasCount(0);
        assertThat(http.get("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void showsAWrongPasswordAsASentenceNotJson() {
        var user = users.register(uniqueEmail("wrong-password"));
        Page page = newPage();
        page.navigate("/#/login");
        page.locator("input[name=email]").fill(user.email());
        page.locator("input[name=password]").fill("not-the-password-at-all");
        page.locator("form.auth-form button[type=submit]").click();
        expect(page.locator(".form-error")).hasText("That email and password do not match an account.");
        expect(page.locator(".form-error")).not().containsText("{");
    }

    @Test
    void sharesAProjectByEmailAndTheOtherUserCanLeaveIt() {
        var owner = users.register(uniqueEmail("sharer"));
        var friend = users.register(uniqueEmail("friend"));
        String projectId = projectWithFiles(owner, "Shared " + unique(), java.util.Map.of());

        Page page = newPage();
        signInQuietly(page, owner, "/#/projects");
        page.locator(".project-card[data-project='" + projectId + "'] button:text('Share')").click();
        page.locator(".share-form input[type=email]").fill(friend.email());
        page.locator(".share-form select").selectOption("viewer");
        page.locator(".share-form button[type=submit]").click();
        expect(page.locator(".member-list")).containsText(friend.email());
        screenshot(page, "04-share");

        Page other = newPage();
        signInQuietly(other, friend, "/#/projects");
        var card = other.locator(".project-card[data-project='" + projectId + "']");
        expect(card.locator(".role-badge")).hasText("viewer");
        card.locator("button:text('Leave')").click();
        other.locator(".dialog button.primary").click();
        expect(other.locator(".project-card[data-project='" + projectId + "']")).hasCount(0);
        expect(other.locator(".toast")).containsText(Pattern.compile("You left"));
    }
}
