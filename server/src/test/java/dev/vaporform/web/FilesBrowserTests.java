package dev.vaporform.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Find in files, file history with a diff and restore, uploads. */
class FilesBrowserTests extends BrowserTest {

    @Test
    void findsInFilesAndOpensTheHitAtItsLine() {
        var owner = users.register(uniqueEmail("finder"));
        String projectId = projectWithFiles(owner, "Haystack " + unique(), Map.of(
                "src/a.txt", "nothing here\n", "src/deep/b.txt", "line one\nthe needle is here\n"));
        Page page = openProjectAs(owner, projectId);
        page.locator(".left button[data-tab='search']").click();
        page.locator(".search-panel input[type=search]").fill("needle");
        page.keyboard().press("Enter");
        var hit = page.locator(".search-hit").first();
        expect(hit).containsText("src/deep/b.txt:2");
        hit.click();
        expect(editor(page, "src/deep/b.txt")).containsText("the needle is here");
        expect(page.locator(".editor-host[data-path='src/deep/b.txt'] .cm-activeLine")).hasText("the needle is here");
        screenshot(page, "13-search");
    }

    @Test
    void comparesAnOlderVersionWithTheCurrentTextAndRestoresItForEveryone() {
        var owner = users.register(uniqueEmail("historian"));
        String projectId = projectWithFiles(owner, "Past " + unique(), Map.of("poem.txt", "roses are red\n"));
        var second = http.put("/api/projects/" + projectId + "/files/poem.txt", "roses are blue\n").bearer(owner.accessToken())
                .contentType("application/octet-stream").send();
        assertThat(second.status()).isEqualTo(200);

        Page page = openProjectAs(owner, projectId);
        openFile(page, "poem.txt");
        expect(editor(page, "poem.txt")).hasText("roses are blue");
        page.locator(".left button[data-tab='history']").click();
        expect(page.locator(".history-item")).hasCount(2);
        page.locator(".history-item").last().click(); // the oldest
        expect(page.locator(".merge-host .cm-mergeView")).isVisible();
        expect(page.locator(".merge-host")).containsText("roses are red");
        screenshot(page, "14-history-diff");
        page.getByText("Restore this version").click();
        expect(editor(page, "poem.txt")).hasText("roses are red");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/projects/" + projectId + "/files/poem.txt").bearer(owner.accessToken()).send().body())
                        .isEqualTo("roses are red\n"));
    }

    @Test
    void renamesMovesAndDeletesInTheTreeAndDownloadsTheProject() throws Exception {
        var owner = users.register(uniqueEmail("gardener"));
        String projectId = projectWithFiles(owner, "Garden " + unique(), Map.of("old.txt", "leaf\n", "junk.txt", "x\n"));
        Page page = openProjectAs(owner, projectId);
        openFile(page, "old.txt");

        page.locator("button[aria-label='Rename old.txt']").click();
        page.locator(".dialog input[name=to]").fill("docs/new.txt");
        page.locator(".dialog button.primary").click();
        expect(page.locator("button.tree-label[data-path='docs/new.txt']")).isVisible();
        expect(page.locator("button.tree-label[data-path='old.txt']")).hasCount(0);
        expect(page.locator(".editor-tabs .tab[data-path='old.txt']")).hasCount(0);
        expect(page.locator(".editor-tabs .tab[data-path='docs/new.txt']")).isVisible(); // its tab followed it

        page.locator(".tree-row:has(button[data-path='junk.txt'])").hover();
        page.locator("button[aria-label='Delete junk.txt']").click();
        page.locator(".dialog button.primary").click();
        expect(page.locator("button.tree-label[data-path='junk.txt']")).hasCount(0);
        assertThat(http.get("/api/projects/" + projectId + "/files/junk.txt").bearer(owner.accessToken()).send().status()).isEqualTo(404);

        var download = page.waitForDownload(() -> page.locator("button[aria-label='Download the project']").click());
        assertThat(download.suggestedFilename()).isEqualTo("project.zip");
        try (var zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) names.add(entry.getName());
            assertThat(names).contains("docs/new.txt").doesNotContain("junk.txt", "old.txt");
        }
    }

    @Test
    void uploadsAFileIntoTheProject() {
        var owner = users.register(uniqueEmail("uploader"));
        String projectId = projectWithFiles(owner, "Inbox " + unique(), Map.of());
        Page page = openProjectAs(owner, projectId);
        page.locator(".file-panel input[type=file]").setInputFiles(
                new FilePayload("data.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        expect(page.locator("button.tree-label[data-path='data.csv']")).isVisible();
        assertThat(http.get("/api/projects/" + projectId + "/files/data.csv").bearer(owner.accessToken()).send().body())
                .isEqualTo("a,b\n1,2\n");
    }
}
