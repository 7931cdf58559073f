package dev.vaporform.web;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.RequiresDocker;

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

        // a reload reconnects to the same shell and replays its output
        page.reload();
        expect(page.locator(".terminal-host[data-state='online']")).isVisible();
        expect(page.locator(".terminal-host .xterm-rows")).containsText("hello-42");

        page.locator("button[data-action='workspace-stop']").click();
        expect(page.locator("#workspace-status")).hasAttribute("data-status", "stopped");
    }
}
