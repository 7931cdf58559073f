package dev.vaporform.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The details a person notices in a day's work: tabs back after a reload, times that are right, names a screen reader can say. */
class IdeDetailsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReloadReopensTheOpenTabsWithTheSameFileInFront() {
        var owner = users.register(uniqueEmail("tabs"));
        String projectId = projectWithFiles(owner, "Tabs " + unique(),
                Map.of("README.md", "# readme\n", "src/main.py", "print('main')\n", "notes.txt", "notes\n"));
        Page page = openProjectAs(owner, projectId);
        openFile(page, "README.md");
        openFile(page, "src/main.py");
        openFile(page, "notes.txt");
        page.locator(".editor-tabs .tab[data-path='notes.txt'] .tab-close").click(); // closed tabs stay closed
        page.locator(".editor-tabs .tab[data-path='README.md'] .tab-name").click();
        expect(page.locator(".editor-tabs .tab.active")).hasAttribute("data-path", "README.md");

        page.reload();
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(page.locator(".editor-tabs .tab")).hasCount(2);
        expect(page.locator(".editor-tabs .tab").nth(0)).hasAttribute("data-path", "README.md");
        expect(page.locator(".editor-tabs .tab").nth(1)).hasAttribute("data-path", "src/main.py");
        expect(page.locator(".editor-tabs .tab.active")).hasAttribute("data-path", "README.md");
        expect(editor(page, "README.md")).hasText("# readme");

        // a file deleted while the page was away is left out without an error
        page.navigate("about:blank");
        var deleted = http.delete("/api/projects/" + projectId + "/files/src/main.py").bearer(owner.accessToken()).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        page.navigate("/#/p/" + projectId);
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(page.locator(".editor-tabs .tab.active")).hasAttribute("data-path", "README.md");
        expect(page.locator(".editor-tabs .tab")).hasCount(1);
        expect(page.locator(".toast.toast-error")).hasCount(0);
    }

    @Test
    void theProjectListShowsThatFilesChangedJustNow() {
        var owner = users.register(uniqueEmail("updated"));
        String projectId = projectWithFiles(owner, "Old project " + unique(), Map.of("main.c", "int main;\n"));
        Instant longAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        jdbc.sql("update projects set updated_at = ? where id = ?").params(Timestamp.from(longAgo), UUID.fromString(projectId)).update();

        Page page = newPage();
        signInQuietly(page, owner, "/#/projects");
        Locator updated = page.locator(".project-card[data-project='" + projectId + "'] .project-updated time");
        expect(updated).hasAttribute("datetime", longAgo.toString());
        String before = updated.textContent();

        page.navigate("/#/p/" + projectId);
        openFile(page, "main.c");
        page.waitForTimeout(2_200); // past the resolution (2 s in tests) of the file's creation just before
        editor(page, "main.c").click();
        page.keyboard().press("End");
        page.keyboard().type(" /* today */");
        expect(page.locator("#connection-state")).hasText("Connected"); // acknowledged
        Instant typed = Instant.now();

        // the live document writes back within a second or two; the list follows the file
        page.locator("button[aria-label='All projects']").click();
        Locator card = page.locator(".project-card[data-project='" + projectId + "'] .project-updated time");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            page.reload();
            Instant shown = Instant.parse(card.getAttribute("datetime"));
            assertThat(shown).isAfter(typed.minusSeconds(30)).isBefore(Instant.now().plusSeconds(5));
        });
        assertThat(card.textContent()).isNotEqualTo(before);
    }

    @Test
    void chatMessagesShowWhenTheyWereSentToBothPeopleAndAfterAReload() {
        var pair = twoEditorsOn("talker", "listener", "Chat times", "a.txt", "x\n");
        Page a = pair.a();
        Instant before = Instant.now().minusSeconds(2);
        a.locator(".chat-input").fill("lunch at noon?");
        a.locator(".chat-input").press("Enter");

        for (Page page : new Page[]{a, pair.b()}) {
            Locator message = page.locator(".chat-message:not(.pending)", new Page.LocatorOptions().setHasText("lunch at noon?"));
            expect(message).hasCount(1);
            Locator time = message.locator("time.chat-time");
            expect(time).isVisible();
            assertThat(Instant.parse(time.getAttribute("datetime"))).isBetween(before, Instant.now().plusSeconds(2));
            String shown = (String) page.evaluate("iso => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })",
                    time.getAttribute("datetime"));
            expect(time).hasText(shown);
        }

        Page b = pair.b();
        b.reload();
        expect(b.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(b.locator(".chat-message", new Page.LocatorOptions().setHasText("lunch at noon?")).locator("time.chat-time")).isVisible();
    }

    @Test
    void treeItemsAndTheirButtonsAreNamedByTheFileAlone() {
        var owner = users.register(uniqueEmail("a11y"));
        String projectId = projectWithFiles(owner, "Names " + unique(), Map.of("src/app.ts", "export {};\n", "README.md", "# r\n"));
        Page page = openProjectAs(owner, projectId);
        Locator tree = page.getByRole(AriaRole.TREE, new Page.GetByRoleOptions().setName("Project files"));
        // A row's actions show once it is selected or hovered; its name stays the file's name.
        tree.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("README.md").setExact(true)).click();
        expect(tree.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete README.md").setExact(true))).isVisible();
        expect(tree.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("README.md").setExact(true))).hasCount(1);
        tree.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("app.ts").setExact(true)).hover();
        expect(tree.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename src/app.ts").setExact(true))).isVisible();
        expect(tree.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("app.ts").setExact(true))).hasCount(1);
        expect(tree.getByRole(AriaRole.TREEITEM, new Locator.GetByRoleOptions().setName("src").setExact(true))).hasCount(1);
    }

    @Test
    void restartIsOfferedOnlyWhenThereIsAWorkspaceToRestart() {
        var owner = users.register(uniqueEmail("restart"));
        String projectId = projectWithFiles(owner, "Restart " + unique(), Map.of("a.txt", "a\n"));
        Page page = openProjectAs(owner, projectId);
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "none");
        expect(page.locator("button[data-action='workspace-restart']")).isDisabled();
        expect(page.locator("button[data-action='workspace-stop']")).isDisabled();
        expect(page.locator("button[data-action='workspace-start']")).isEnabled();
    }
}
