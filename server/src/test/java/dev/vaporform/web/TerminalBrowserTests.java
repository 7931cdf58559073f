package dev.vaporform.web;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal in the browser runs a command in the project's workspace container. */
@RequiresDocker
class TerminalBrowserTests extends BrowserTest {

    @Test
    void startsTheWorkspaceAndRunsACommandInATerminal() {
        var owner = users.register(uniqueEmail("shell"));
        String projectId = projectWithFiles(owner, "Shell " + unique(), Map.of("marker.txt", "in the workspace\n"));
        Page page = openProjectAs(owner, projectId);

        page.locator("button[data-action='workspace-start']").click();
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "running");
        page.locator("button[aria-label='New terminal']").click();
        expect(page.locator(".terminal-host[data-state='online']")).isVisible();

        page.locator(".terminal-host").click();
        page.keyboard().type("echo hello-$((6*7)) && cat marker.txt\n");
        expect(page.locator(".terminal-host .xterm-rows")).containsText("hello-42");
        expect(page.locator(".terminal-host .xterm-rows")).containsText("in the workspace");
        screenshot(page, "09-terminal");

        // a reload reconnects to the same shell and replays its output, in the background:
        // the keyboard is not taken from wherever the person goes first
        page.reload();
        expect(page.locator(".terminal-host[data-state='online']")).isVisible();
        expect(page.locator(".terminal-host .xterm-rows")).containsText("hello-42");
        page.waitForTimeout(300); // past the frame in which a focus would land
        assertThat(page.evaluate("() => document.activeElement?.closest('.terminal-host') == null")).isEqualTo(true);

        page.locator("button[data-action='workspace-stop']").click();
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "stopped");
    }

    @Test
    void aCollaboratorSeesTheWorkspaceSomeoneElseStartedAndOpensATerminalInIt() {
        var owner = users.register(uniqueEmail("starter"));
        var guest = users.register(uniqueEmail("joiner"));
        String projectId = projectWithFiles(owner, "Shared shell " + unique(), Map.of("shared.txt", "both of us\n"));
        share(owner, projectId, guest.email(), "collaborator");
        var started = http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(200);

        Page page = openProjectAs(guest, projectId);
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "running");
        expect(page.locator(".terminal-panel .hint")).hasText("The workspace is running: open a terminal with + Terminal (Ctrl+`).");
        expect(page.locator("button[data-action='workspace-restart']")).isEnabled();

        // the owner stops it: the collaborator's panel says so without a reload, and again when it runs
        assertThat(http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(owner.accessToken()).send().status()).isEqualTo(200);
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "stopped");
        expect(page.locator(".terminal-panel .hint")).hasText("Start the workspace, then open a terminal with + Terminal (Ctrl+`).");
        assertThat(http.post("/api/projects/" + projectId + "/workspace/start", null).bearer(owner.accessToken()).send().status()).isEqualTo(200);
        expect(page.locator(".terminal-panel .hint")).hasText("The workspace is running: open a terminal with + Terminal (Ctrl+`).");

        page.locator("button[aria-label='New terminal']").click();
        expect(page.locator(".terminal-host[data-state='online']")).isVisible();
        page.locator(".terminal-host").click();
        page.keyboard().type("cat shared.txt\n");
        expect(page.locator(".terminal-host .xterm-rows")).containsText("both of us");
        assertThat(http.post("/api/projects/" + projectId + "/workspace/stop", null).bearer(owner.accessToken()).send().status()).isEqualTo(200);
    }
}
