package dev.vaporform.web;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.FakeAnthropic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI panel against the real AI module, whose provider is the tests' stand-in for Anthropic's
 * API: the prompt goes with the current file, the answer streams in, proposed edits show as
 * diffs, and applying one changes the live document for everyone.
 */
class AiPanelBrowserTests extends BrowserTest {

    private final FakeAnthropic anthropic = FakeAnthropic.get();

    @BeforeEach
    void forgetQueuedAnswers() {
        anthropic.reset();
    }

    @Test
    void streamsAnAnswerAndAnAppliedEditReachesTheOtherUser() {
        var editors = twoEditorsOn("ai-ada", "ai-bob", "Assisted", "calc.js", "function add(a, b) {\n  return a - b;\n}\n");
        var ada = editors.first();
        var bob = editors.second();
        String projectId = editors.projectId();
        Page a = editors.a();
        Page b = editors.b();

        anthropic.enqueue(FakeAnthropic.answer("The function subtracts; ", "it should add.\n\ncalc.js\n<<<<<<< SEARCH\n",
                "  return a - b;\n=======\n  return a + b;\n>>>>>>> REPLACE\n",
                "\nelsewhere.js\n<<<<<<< SEARCH\nnothing like this\n=======\nx\n>>>>>>> REPLACE\n"));
        a.locator(".right button[data-tab='ai']").click();
        a.locator(".ai-prompt").fill("Fix the bug in add");
        a.locator(".ai-form button[type=submit]").click();

        var answer = a.locator(".ai-message.assistant");
        expect(answer).containsText("The function subtracts; it should add.");
        expect(answer).containsText("[edit to calc.js: see below]");
        expect(answer).not().containsText("<<<<<<< SEARCH");
        expect(answer.locator(".usage")).containsText("tokens in");
        var proposal = a.locator(".ai-edit[data-path='calc.js'][data-status='proposed']");
        expect(proposal.locator(".diff-del")).hasText("−   return a - b;");
        expect(proposal.locator(".diff-add")).hasText("+   return a + b;");
        expect(a.locator(".ai-edit[data-path='elsewhere.js'][data-status='rejected']")).isVisible();
        // the provider was asked with the prompt and the open file
        assertThat(anthropic.requests().getLast().allText()).contains("Fix the bug in add", "return a - b;");
        screenshot(a, "10-ai-proposal");

        proposal.locator("button[data-action='apply-edit']").click();
        expect(proposal).hasClass(Pattern.compile("applied"));
        expect(editor(b, "calc.js")).containsText("return a + b;");
        expect(editor(a, "calc.js")).containsText("return a + b;");
        screenshot(b, "11-ai-applied-seen-by-other");
    }

    @Test
    void showsARefusalAsASentence() {
        var owner = users.register(uniqueEmail("ai-refused"));
        String projectId = projectWithFiles(owner, "Quiet " + unique(), Map.of("a.txt", "a\n"));
        Page page = openProjectAs(owner, projectId);
        page.locator(".right button[data-tab='ai']").click();
        page.locator(".ai-prompt").fill("x".repeat(5000)); // beyond vaporform.ai.max-prompt-chars in tests
        page.locator(".ai-form button[type=submit]").click();
        var error = page.locator(".ai-message.assistant .error");
        expect(error).isVisible();
        expect(error).not().containsText("{");
    }
}
