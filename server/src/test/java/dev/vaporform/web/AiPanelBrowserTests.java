package dev.vaporform.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI panel: the prompt goes with the current file and selection, the answer streams in,
 * a proposed edit shows as a diff, and applying it changes the live document for everyone.
 *
 * <p>The AI module's generate route is answered here by the browser's network layer with the
 * contract's event stream (delta, edit, done), so the panel is tested before and independently
 * of the provider; the same flow against the server's test provider belongs with the AI module.
 */
class AiPanelBrowserTests extends BrowserTest {

    @Test
    void streamsAnAnswerAndAnAppliedEditReachesTheOtherUser() {
        var ada = users.register(uniqueEmail("ai-ada"));
        var bob = users.register(uniqueEmail("ai-bob"));
        String projectId = projectWithFiles(ada, "Assisted " + unique(), Map.of("calc.js", "function add(a, b) {\n  return a - b;\n}\n"));
        share(ada, projectId, bob.email(), "collaborator");

        Page a = openProjectAs(ada, projectId);
        Page b = openProjectAs(bob, projectId);
        openFile(a, "calc.js");
        openFile(b, "calc.js");

        AtomicReference<String> request = new AtomicReference<>();
        a.route("**/api/projects/" + projectId + "/ai/generate", route -> {
            request.set(route.request().postData());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/event-stream").setBody(String.join("\n",
                    "event: delta", "data: {\"text\":\"The function subtracts; \"}", "",
                    ": keep-alive", "",
                    "event: delta", "data: {\"text\":\"it should add.\\ncalc.js\\n<<<<<<< SEARCH\\n  return a - b;\\n\"}", "",
                    "event: delta", "data: {\"text\":\"=======\\n  return a + b;\\n>>>>>>> REPLACE\\n\"}", "",
                    "event: edit", "data: {\"path\":\"calc.js\",\"search\":\"  return a - b;\\n\",\"replace\":\"  return a + b;\\n\",\"status\":\"proposed\"}", "",
                    "event: edit", "data: {\"path\":\"calc.js\",\"search\":\"nowhere\",\"replace\":\"x\",\"status\":\"rejected\",\"reason\":\"The text to replace is not in calc.js.\"}", "",
                    "event: done", "data: {\"sessionId\":\"" + java.util.UUID.randomUUID() + "\",\"usage\":{\"inputTokens\":120,\"outputTokens\":30}}", "", "")));
        });

        a.locator(".right button[data-tab='ai']").click();
        a.locator(".ai-prompt").fill("Fix the bug in add");
        a.locator(".ai-form button[type=submit]").click();
        var answer = a.locator(".ai-message.assistant");
        expect(answer).containsText("The function subtracts; it should add.");
        expect(answer).containsText("[edit to calc.js: see below]");
        expect(answer).not().containsText("<<<<<<< SEARCH");
        var proposal = a.locator(".ai-edit[data-status='proposed']");
        expect(proposal.locator(".diff-del")).hasText("−   return a - b;");
        expect(proposal.locator(".diff-add")).hasText("+   return a + b;");
        expect(a.locator(".ai-edit[data-status='rejected']")).containsText("The text to replace is not in calc.js.");
        assertThat(request.get()).contains("\"prompt\":\"Fix the bug in add\"", "\"path\":\"calc.js\"", "\"apply\":false");
        screenshot(a, "10-ai-proposal");

        a.locator("button[data-action='apply-edit']").click();
        expect(proposal).hasClass(java.util.regex.Pattern.compile("applied"));
        expect(editor(b, "calc.js")).containsText("return a + b;");
        expect(editor(a, "calc.js")).containsText("return a + b;");
        screenshot(b, "11-ai-applied-seen-by-other");
    }
}
