package dev.vaporform.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two people in two browsers on one file; a forged cursor; a viewer; chat; the phone layout. */
class CollaborationBrowserTests extends BrowserTest {

    @Test
    void twoUsersEditOneFileAndSeeEachOthersTextAndCursors() {
        var editors = twoEditorsOn("ada", "bob", "Engine", "notes.md", "# Notes 🚀\n");
        var ada = editors.first();
        var bob = editors.second();
        String projectId = editors.projectId();
        Page a = editors.a();
        Page b = editors.b();

        editor(a, "notes.md").click();
        a.keyboard().press("Control+End");
        a.keyboard().type("ada was here 😀");
        editor(b, "notes.md").click();
        b.keyboard().press("Control+Home");
        b.keyboard().type("bob: ");

        String expected = "bob: # Notes 🚀ada was here 😀"; // textContent joins the two lines
        expect(editor(a, "notes.md")).hasText(expected);
        expect(editor(b, "notes.md")).hasText(expected);

        // each sees the other's caret, labelled with their name
        expect(a.locator(".vf-remote-caret[data-name='Test " + bob.email() + "']")).isVisible();
        expect(b.locator(".vf-remote-caret[data-name='Test " + ada.email() + "']")).isVisible();
        expect(a.locator("#participants .avatar")).hasCount(2);

        // and the text reaches the file (written back shortly after the edits)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/projects/" + projectId + "/files/notes.md").bearer(ada.accessToken()).send().body())
                        .isEqualTo("bob: # Notes 🚀\nada was here 😀"));

        b.locator(".chat-input").fill("looks good");
        b.keyboard().press("Enter");
        expect(a.locator(".chat-message").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("looks good"))).isVisible();
        screenshot(a, "05-collaboration");
    }

    @Test
    void aCursorIsShownWithItsSendersNameEvenWhenTheirClientClaimsSomeoneElsesId() {
        var ada = users.register(uniqueEmail("masked-ada"));
        var bob = users.register(uniqueEmail("masked-bob"));
        var mallory = users.register(uniqueEmail("masked-mallory"));
        String projectId = projectWithFiles(ada, "Masks " + unique(), Map.of("plan.md", "step one\nstep two\n"));
        share(ada, projectId, bob.email(), "collaborator");
        share(ada, projectId, mallory.email(), "collaborator");

        // Mallory's IDE talks through a proxy that, while forging, puts Ada's user id on her presences.
        AtomicBoolean forging = new AtomicBoolean(true);
        AtomicInteger forged = new AtomicInteger();
        Page m = newPage();
        m.routeWebSocket(Pattern.compile(".*/ws/collab.*"), ide -> {
            WebSocketRoute server = ide.connectToServer();
            ide.onMessage(frame -> {
                String text = frame.text();
                String mine = "\"id\":\"" + mallory.id() + ".";
                if (forging.get() && text.contains(mine)) {
                    text = text.replace(mine, "\"id\":\"" + ada.id() + ".");
                    forged.incrementAndGet();
                }
                server.send(text);
            });
            server.onMessage(frame -> ide.send(frame.text()));
        });
        signInQuietly(m, mallory, "/#/p/" + projectId);
        expect(m.locator("#connection-state")).hasAttribute("data-state", "online");
        Page b = openProjectAs(bob, projectId);
        openFile(b, "plan.md");

        openFile(m, "plan.md");
        editor(m, "plan.md").click();
        m.keyboard().press("Control+End");
        m.waitForCondition(() -> forged.get() > 0);
        forging.set(false);
        m.keyboard().press("Control+Home");

        // Bob sees one cursor, Mallory's, with her name from the roster; none in Ada's name.
        expect(b.locator(".vf-remote-caret[data-name='Test " + mallory.email() + "']")).isVisible();
        expect(b.locator(".vf-remote-caret[data-name='Test " + ada.email() + "']")).hasCount(0);
        expect(b.locator(".vf-remote-caret")).hasCount(1);
    }

    @Test
    void keepsTextTypedWhileOfflineAndSendsItOnceTheConnectionRecovers() {
        var editors = twoEditorsOn("offline-ada", "offline-bob", "Train", "draft.txt", "start\n");
        var ada = editors.first();
        var bob = editors.second();
        String projectId = editors.projectId();
        Page a = editors.a();
        Page b = editors.b();

        // the network goes: sockets drop and no new ticket can be had
        a.route("**/api/realtime/tickets", route -> route.abort());
        a.keyboard().press("Control+k");
        a.keyboard().type("reconnect now");
        a.keyboard().press("Enter");
        expect(a.locator("#connection-state")).hasAttribute("data-state", "offline");

        editor(a, "draft.txt").click();
        a.keyboard().press("Control+End");
        a.keyboard().type("typed in a tunnel ✈️");
        expect(editor(a, "draft.txt")).hasText("starttyped in a tunnel ✈️");
        screenshot(a, "12-offline");
        expect(editor(b, "draft.txt")).hasText("start");

        // it comes back by itself; the text typed meanwhile reaches the others
        a.unroute("**/api/realtime/tickets");
        expect(a.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(editor(b, "draft.txt")).hasText("starttyped in a tunnel ✈️");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/projects/" + projectId + "/files/draft.txt").bearer(ada.accessToken()).send().body())
                        .isEqualTo("start\ntyped in a tunnel ✈️"));
    }

    @Test
    void viewerSeesEverythingButCannotType() {
        var owner = users.register(uniqueEmail("owner"));
        var viewer = users.register(uniqueEmail("viewer"));
        String projectId = projectWithFiles(owner, "Read me " + unique(), Map.of("README.md", "read only\n"));
        share(owner, projectId, viewer.email(), "viewer");

        Page page = openProjectAs(viewer, projectId);
        openFile(page, "README.md");
        editor(page, "README.md").click();
        page.keyboard().type("vandalism");
        page.keyboard().press("Backspace");
        expect(editor(page, "README.md")).hasText("read only");
        expect(page.locator("button[aria-label='New file']")).isHidden();
        expect(page.locator("button[data-action='workspace-start']")).isHidden();
        expect(page.locator(".role-badge")).hasText("viewer");
        screenshot(page, "06-viewer");

        var file = http.get("/api/projects/" + projectId + "/files/README.md").bearer(owner.accessToken()).send();
        assertThat(file.body()).isEqualTo("read only\n");
    }

    @Test
    void phoneLayoutShowsOnePanelAtATimeAndTheCommandPaletteRunsActions() {
        var owner = users.register(uniqueEmail("phone"));
        String projectId = projectWithFiles(owner, "Pocket " + unique(), Map.of("main.go", "package main\n"));
        Page page = newPage(390, 844);
        signInQuietly(page, owner, "/#/p/" + projectId);
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        expect(page.locator(".mobile-nav")).isVisible();
        expect(page.locator("aside.left")).isVisible();
        expect(page.locator("main.center")).isHidden();
        screenshot(page, "07-phone-files");

        openFile(page, "main.go");
        expect(page.locator("main.center")).isVisible();
        expect(page.locator("aside.left")).isHidden();
        screenshot(page, "08-phone-editor");

        // keyboard: the palette finds "Find in files"
        page.keyboard().press("Control+k");
        expect(page.locator(".palette")).isVisible();
        page.keyboard().type("find in files");
        page.keyboard().press("Enter");
        expect(page.locator(".search-panel input[type=search]")).isFocused();
    }
}
