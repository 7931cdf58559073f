package dev.vaporform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Edits that are large, refused, unsaved when the page goes, or made without a network: a paste
 * whose op is larger than a frame may be is saved for everyone, one over the file-size limit is
 * refused once with a sentence,
 * leaving with unsaved edits asks first, and losing the network shows at once, counts the edits
 * kept, shows the person gone to the others, and sends the edits when it is back.
 */
class EditingResilienceBrowserTests extends BrowserTest {

    /** Line {@code i} of a generated paste: ASCII, a Latin-1 letter and an emoji (a surrogate pair in UTF-16). */
    private static final String LINE_JS = "i => `line ${i} of the paste: ä quick brown fox 😀 jumps over the lazy dog\\n`";
    /**
     * Line {@code i} of a paste of control characters (as terminal output with colour codes holds):
     * each is one byte of UTF-8 but six characters of JSON ({@code \u0001}), so a paste within the
     * tests' 256 KB file-size limit makes an op far over the 1 MB frame limit.
     */
    private static final String CONTROL_LINE_JS = "i => { const codes = [1,2,3,4,5,6,7,11,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31];"
            + " let line = ''; for (let k = 0; k < 60; k++) line += String.fromCharCode(codes[(i + k) % 26]); return line + i + '\\n'; }";
    private static final int[] CODES = {1, 2, 3, 4, 5, 6, 7, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

    @org.springframework.beans.factory.annotation.Autowired
    dev.vaporform.files.storage.FilesProperties files;

    /** The pasted text, built the same way as in the page. */
    private static String generated(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) text.append("line ").append(i).append(" of the paste: ä quick brown fox 😀 jumps over the lazy dog\n");
        return text.toString();
    }

    private static String controlLines(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            for (int k = 0; k < 60; k++) text.append((char) CODES[(i + k) % 26]);
            text.append(i).append('\n');
        }
        return text.toString();
    }

    /** How many lines make at least {@code bytes} bytes of UTF-8. */
    private static int linesFor(long bytes) {
        int perLine = generated(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return (int) (bytes / perLine) + 1;
    }

    private static void paste(Page page, String path, int lines) {
        paste(page, path, lines, LINE_JS);
    }

    /** Pastes {@code lines} generated lines at the end of the file, through CodeMirror's own paste handling. */
    private static void paste(Page page, String path, int lines, String lineJs) {
        page.evaluate("([path, lines]) => {"
                + "const line = " + lineJs + ";"
                + "const parts = []; for (let i = 0; i < lines; i++) parts.push(line(i));"
                + "const content = document.querySelector(`.editor-host[data-path='${path}'] .cm-content`);"
                + "const view = content.cmTile.root.view;"
                + "view.focus(); view.dispatch({ selection: { anchor: view.state.doc.length } });"
                + "const data = new DataTransfer(); data.setData('text/plain', parts.join(''));"
                + "content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));"
                + "}", List.of(path, lines));
    }

    /** The whole text of the file's editor (CodeMirror draws only what is on screen). */
    private static String text(Page page, String path) {
        return (String) page.evaluate("path => document.querySelector(`.editor-host[data-path='${path}'] .cm-content`)"
                + ".cmTile.root.view.state.doc.toString()", path);
    }

    private String fileOnServer(String accessToken, String projectId, String path) {
        return http.get("/api/projects/" + projectId + "/files/" + path).bearer(accessToken).send().body();
    }

    private static LocatorAssertions.HasAttributeOptions within(Duration duration) {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(duration.toMillis());
    }

    @Test
    void aPasteWhoseOpIsLargerThanAFrameMayBeIsSavedForEveryoneAndSurvivesAReload() {
        var editors = twoEditorsOn("paste-ada", "paste-bob", "Paste", "big.txt", "start\n");
        Page a = editors.a();
        Page b = editors.b();
        AtomicInteger reconnects = new AtomicInteger();
        a.onWebSocket(socket -> { if (socket.url().contains("/ws/collab")) reconnects.incrementAndGet(); });
        int lines = 3200;
        String expected = "start\n" + controlLines(lines);
        assertThat(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan((int) files.maxFileSize().toBytes());
        assertThat(dev.vaporform.support.Http.JSON.writeValueAsString(expected).length()).as("the op's JSON").isGreaterThan(1024 * 1024);

        paste(a, "big.txt", lines, CONTROL_LINE_JS);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> text(b, "big.txt").length() == expected.length());
        assertThat(text(b, "big.txt")).isEqualTo(expected);
        String owner = editors.first().accessToken();
        await().atMost(Duration.ofSeconds(20)).until(() -> fileOnServer(owner, editors.projectId(), "big.txt").length() == expected.length());
        assertThat(fileOnServer(owner, editors.projectId(), "big.txt")).isEqualTo(expected);
        expect(a.locator("#connection-state")).hasText("Connected");
        assertThat(reconnects.get()).as("the collaboration socket was never reopened").isZero();

        a.reload();
        openFile(a, "big.txt");
        assertThat(text(a, "big.txt")).isEqualTo(expected);
    }

    @Test
    void rejectsAPasteOverTheFileSizeLimitOnceWithASentenceAndKeepsTheServersText() {
        // (the tests' limit is 256 KB; installations default to 10 MB)
        var owner = users.register(uniqueEmail("huge"));
        String projectId = projectWithFiles(owner, "Huge " + unique(), Map.of("huge.txt", "keep me\n"));
        Page page = newPage();
        AtomicInteger sockets = new AtomicInteger();
        AtomicLong bytesSent = new AtomicLong();
        page.onWebSocket(socket -> {
            if (!socket.url().contains("/ws/collab")) return;
            sockets.incrementAndGet();
            socket.onFrameSent(frame -> bytesSent.addAndGet(frame.text() == null ? 0 : frame.text().length()));
        });
        signInQuietly(page, owner, "/#/p/" + projectId);
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        openFile(page, "huge.txt");
        int socketsBefore = sockets.get();
        long sentBefore = bytesSent.get();

        long limit = files.maxFileSize().toBytes();
        paste(page, "huge.txt", linesFor(limit + limit / 10));

        var refusal = page.locator(".toast-error");
        expect(refusal).hasCount(1);
        String size = limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
        assertThat(refusal.textContent()).contains(size).contains("huge.txt").doesNotContain("ERR_");
        // a few seconds later: no new socket, nothing large went out, the editor shows the server's text
        page.waitForTimeout(4000);
        assertThat(sockets.get()).as("collaboration sockets opened after the paste").isEqualTo(socketsBefore);
        assertThat(bytesSent.get() - sentBefore).as("characters sent after the paste").isLessThan(100_000);
        expect(page.locator(".toast-error")).hasCount(1);
        assertThat(text(page, "huge.txt")).isEqualTo("keep me\n");
        assertThat(http.get("/api/projects/" + projectId + "/files/huge.txt").bearer(owner.accessToken()).send().body()).isEqualTo("keep me\n");
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
    }

    @Test
    void leavingThePageWithUnsavedEditsAsksFirst() {
        var owner = users.register(uniqueEmail("leaving"));
        String projectId = projectWithFiles(owner, "Leaving " + unique(), Map.of("draft.txt", "draft\n"));
        Page page = openProjectAs(owner, projectId);
        openFile(page, "draft.txt");
        editor(page, "draft.txt").click();
        page.context().setOffline(true);
        page.keyboard().type("not saved yet");
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type());
            dialog.accept();
        });

        // Playwright delivers the dialog while it waits (events arrive during its own calls)
        page.waitForClose(new Page.WaitForCloseOptions().setTimeout(10_000), () -> page.close(new Page.CloseOptions().setRunBeforeUnload(true)));

        assertThat(dialogs).containsExactly("beforeunload");
    }

    @Test
    void losingTheNetworkShowsAtOnceCountsTheEditsKeptShowsThePersonGoneAndSendsTheEditsOnceBack() {
        var editors = twoEditorsOn("net-ada", "net-bob", "Network", "notes.txt", "start\n");
        Page a = editors.a();
        Page b = editors.b();
        String ada = editors.first().id().toString();
        expect(b.locator("#participants .avatar[data-user='" + ada + "']")).hasCount(1);
        editor(a, "notes.txt").click();
        a.keyboard().press("Control+End");

        a.context().setOffline(true);
        expect(a.locator("#connection-state")).hasAttribute("data-state", "offline", within(Duration.ofSeconds(2)));
        a.keyboard().type("abc");
        expect(a.locator("#connection-state")).hasText("Offline — 3 unsaved edits");
        screenshot(a, "30-offline-unsaved");

        // the server notices the silent socket: the others see Ada gone
        expect(b.locator("#participants .avatar[data-user='" + ada + "']"))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(40_000));
        expect(editor(b, "notes.txt")).hasText("start");

        a.context().setOffline(false);
        expect(editor(b, "notes.txt")).hasText("startabc");
        expect(a.locator("#connection-state")).hasText("Connected");
        expect(b.locator("#participants .avatar[data-user='" + ada + "']")).hasCount(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/projects/" + editors.projectId() + "/files/notes.txt").bearer(editors.first().accessToken()).send().body())
                        .isEqualTo("start\nabc"));
    }
}
