package dev.vaporform.web;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An open file follows a rename or a folder move for everyone who has it open, a deleted one
 * keeps its text until its tab is closed, and the path dialogs explain a bad path in a sentence
 * while keeping what was typed.
 */
class FileOperationsBrowserTests extends BrowserTest {

    private static Locator tab(Page page, String path) {
        return page.locator(".editor-tabs .tab[data-path='" + path + "']");
    }

    private static Locator toast(Page page, String text) {
        return page.locator(".toast", new Page.LocatorOptions().setHasText(text));
    }

    private static void rename(Page page, String from, String to) {
        page.locator(".tree-row:has(button.tree-label[data-path='" + from + "'])").hover();
        page.locator("button[aria-label='Rename " + from + "']").click();
        page.locator(".dialog input[name=to]").fill(to);
        page.locator(".dialog button.primary").click();
    }

    private String fileText(String projectId, String path, String token) {
        var response = http.get("/api/projects/" + projectId + "/files/" + path).bearer(token).send();
        return response.status() == 200 ? response.body() : response.toString();
    }

    @Test
    void aRenamedFileStaysOpenForBothEditorsWhoKeepTypingInItAndTheOtherIsToldWhoMovedIt() {
        var editors = twoEditorsOn("ada", "bob", "Moves", "notes.txt", "hello");
        Page a = editors.a();
        Page b = editors.b();
        editor(b, "notes.txt").click();
        b.keyboard().press("Control+Home"); // Bob's cursor waits at the start, and must stay there

        editor(a, "notes.txt").click();
        a.keyboard().press("Control+End");
        a.keyboard().type(" ada1");
        rename(a, "notes.txt", "docs/notes.txt"); // at once: " ada1" may not be written to the file yet

        for (Page page : new Page[]{a, b}) {
            expect(tab(page, "docs/notes.txt")).isVisible();
            expect(tab(page, "docs/notes.txt")).containsText("notes.txt");
            expect(tab(page, "notes.txt")).hasCount(0);
            expect(editor(page, "docs/notes.txt")).hasText("hello ada1");
        }
        expect(toast(b, "Test " + editors.first().email() + " moved notes.txt to docs/notes.txt.")).isVisible();

        b.keyboard().type("bob:"); // no click: the cursor and focus survived the move
        editor(a, "docs/notes.txt").click();
        a.keyboard().press("Control+End");
        a.keyboard().type(" ada2");
        for (Page page : new Page[]{a, b}) expect(editor(page, "docs/notes.txt")).hasText("bob:hello ada1 ada2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fileText(editors.projectId(), "docs/notes.txt", editors.first().accessToken())).isEqualTo("bob:hello ada1 ada2"));
        assertThat(http.get("/api/projects/" + editors.projectId() + "/files/notes.txt").bearer(editors.first().accessToken()).send().status())
                .isEqualTo(404);
        screenshot(b, "20-renamed-file-followed");
    }

    @Test
    void filesOpenInAMovedFolderFollowIt() {
        var ada = users.register(uniqueEmail("folder-ada"));
        var bob = users.register(uniqueEmail("folder-bob"));
        String projectId = projectWithFiles(ada, "Folders " + unique(), Map.of("src/a.txt", "alpha", "src/b.txt", "beta"));
        share(ada, projectId, bob.email(), "collaborator");
        Page a = openProjectAs(ada, projectId);
        Page b = openProjectAs(bob, projectId);
        openFile(a, "src/a.txt");
        openFile(a, "src/b.txt");
        openFile(b, "src/a.txt");

        rename(a, "src", "lib");

        expect(tab(a, "lib/a.txt")).isVisible();
        expect(tab(a, "lib/b.txt")).isVisible();
        expect(tab(b, "lib/a.txt")).isVisible();
        expect(a.locator(".editor-tabs .tab[data-path^='src/']")).hasCount(0);
        expect(toast(b, "Test " + ada.email() + " moved src/a.txt to lib/a.txt.")).isVisible();

        editor(b, "lib/a.txt").click();
        b.keyboard().press("Control+End");
        b.keyboard().type("!");
        tab(a, "lib/a.txt").locator(".tab-name").click();
        expect(editor(a, "lib/a.txt")).hasText("alpha!");
        tab(a, "lib/b.txt").locator(".tab-name").click();
        editor(a, "lib/b.txt").click();
        a.keyboard().press("Control+End");
        a.keyboard().type("?");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(fileText(projectId, "lib/a.txt", ada.accessToken())).isEqualTo("alpha!");
            assertThat(fileText(projectId, "lib/b.txt", ada.accessToken())).isEqualTo("beta?");
        });
    }

    @Test
    void aDeletedFilesTabSaysWhoDeletedItAndKeepsItsText() {
        var editors = twoEditorsOn("ada", "bob", "Deletes", "gone.txt", "keep me");
        Page a = editors.a();
        Page b = editors.b();
        a.locator(".tree-row:has(button.tree-label[data-path='gone.txt'])").hover();
        a.locator("button[aria-label='Delete gone.txt']").click();
        a.locator(".dialog button.primary").click();

        expect(tab(b, "gone.txt")).containsText("deleted by Test " + editors.first().email());
        expect(tab(a, "gone.txt")).containsText("deleted by you");
        expect(editor(b, "gone.txt")).hasText("keep me");
        expect(editor(a, "gone.txt")).hasText("keep me");
        editor(b, "gone.txt").click();
        b.keyboard().type("more");
        expect(editor(b, "gone.txt")).hasText("keep me"); // read-only: nothing would take the keystrokes
        screenshot(b, "21-deleted-file-kept");

        tab(b, "gone.txt").locator(".tab-close").click();
        expect(tab(b, "gone.txt")).hasCount(0);
        assertThat(http.get("/api/projects/" + editors.projectId() + "/files/gone.txt").bearer(editors.first().accessToken()).send().status())
                .isEqualTo(404);
    }

    @Test
    void theNewFileDialogExplainsABadPathInASentenceAndKeepsWhatWasTyped() {
        var owner = users.register(uniqueEmail("paths"));
        String projectId = projectWithFiles(owner, "Paths " + unique(), Map.of("readme.txt", "hi"));
        Page page = openProjectAs(owner, projectId);

        Map<String, String> sentences = Map.of(
                "../../etc/passwd", "A path may not contain '..'.",
                "notes//a/./x.txt", "A path may not contain '//'");
        sentences.forEach((typed, sentence) -> {
            page.locator("button[aria-label='New file']").click();
            page.locator(".dialog input[name=path]").fill(typed);
            page.locator(".dialog button.primary").click();
            expect(page.locator(".dialog [role=alert]")).containsText(sentence);
            expect(page.locator(".dialog input[name=path]")).hasValue(typed);
            page.locator(".dialog button.secondary").click();
            expect(page.locator(".dialog")).hasCount(0);
        });
        assertThat(http.get("/api/projects/" + projectId + "/tree").bearer(owner.accessToken()).send().body()).doesNotContain("passwd", "x.txt");

        page.locator("button[aria-label='New file']").click();
        page.locator(".dialog input[name=path]").fill("folder/");
        page.locator(".dialog button.primary").click();
        expect(page.locator(".dialog")).hasCount(0);
        expect(page.locator("button.tree-label[data-path='folder'][data-type='dir']")).isVisible();
        var tree = http.get("/api/projects/" + projectId + "/tree").bearer(owner.accessToken()).send().json();
        boolean folderIsADirectory = false;
        for (var entry : tree.path("entries")) {
            if (entry.path("path").asString().equals("folder")) folderIsADirectory = entry.path("type").asString().equals("dir");
        }
        assertThat(folderIsADirectory).as(tree.toString()).isTrue();
    }

    @Test
    void renamingOntoAnExistingFileSaysSoWithTheNameAsTyped() {
        var owner = users.register(uniqueEmail("clash"));
        String projectId = projectWithFiles(owner, "Clash " + unique(), Map.of("made-in-terminal.txt", "one", "mine.txt", "two"));
        Page page = openProjectAs(owner, projectId);

        rename(page, "mine.txt", "made-in-terminal.txt");

        Locator alert = page.locator(".dialog [role=alert]");
        expect(alert).containsText("made-in-terminal.txt exists already.");
        assertThat(alert.textContent()).doesNotContain("Made-in-terminal");
        expect(page.locator(".dialog input[name=to]")).hasValue("made-in-terminal.txt");
        assertThat(fileText(projectId, "mine.txt", owner.accessToken())).isEqualTo("two");
    }
}
