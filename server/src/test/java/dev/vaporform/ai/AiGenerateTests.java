package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.FakeAnthropic;
import dev.vaporform.support.Users.Session;

/** Streaming answers, the context sent, and edits proposed or applied as file writes. */
class AiGenerateTests extends AiTestSupport {

    @Test
    void answerStreamsAsDeltasThenDoneWithTheProviderUsage() {
        write("src/Greeter.java", "class Greeter {\n    String greet() { return \"hi\"; }\n}\n");
        fake.enqueue(FakeAnthropic.answer("Here ", "is 🎉 ", "the answer."));

        var events = generate(owner, Map.of("prompt", "Explain greet", "path", "src/Greeter.java"));

        assertThat(events).extracting(SseEvents.Event::name).containsExactly("delta", "delta", "delta", "done");
        assertThat(SseEvents.text(events)).isEqualTo("Here is 🎉 the answer.");
        var done = events.getLast().data();
        assertThat(done.path("sessionId").asString()).isNotBlank();
        assertThat(done.path("usage").path("inputTokens").asLong()).isEqualTo(25);
        assertThat(done.path("usage").path("outputTokens").asLong()).isEqualTo(40);
        var sent = fake.requests().getLast();
        assertThat(sent.body().path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.body().path("stream").asBoolean()).isTrue();
        assertThat(sent.body().path("system").asString()).contains("<<<<<<< SEARCH");
        assertThat(sent.lastUserText()).contains("<request>\nExplain greet\n</request>")
                .contains("<open_file path=\"src/Greeter.java\">").contains("String greet()");
    }

    @Test
    void contextCarriesTheSelectionSnippetsFromSearchAndTheTree() {
        write("src/Invoice.java", "class Invoice {\n    long totalCents() { return TaxTable.apply(1); }\n}\n");
        write("src/TaxTable.java", "class TaxTable {\n    // rates by region\n    static long apply(long cents) { return cents * 2; }\n}\n");
        write("docs/notes.md", "nothing relevant\n");
        // selection = "totalCents" in code points (the file is ASCII here)
        String text = read("src/Invoice.java");
        int from = text.indexOf("totalCents");

        generate(owner, Map.of("prompt", "Why does TaxTable double the amount?", "path", "src/Invoice.java",
                "selection", Map.of("from", from, "to", from + "totalCents".length())));

        String user = fake.requests().getLast().lastUserText();
        assertThat(user).contains("<selection path=\"src/Invoice.java\">\ntotalCents\n</selection>");
        assertThat(user).contains("<snippet path=\"src/TaxTable.java\"").contains("static long apply(long cents)");
        assertThat(user).contains("<project_tree>").contains("docs/: notes.md").contains("src/: Invoice.java, TaxTable.java");
        // order: cheap, low-value context first; the request last
        assertThat(user.indexOf("<project_tree>")).isLessThan(user.indexOf("<snippets>"));
        assertThat(user.indexOf("<open_file")).isLessThan(user.indexOf("<request>"));
    }

    @Test
    void selectionCountsCodePointsBeyondTheBasicPlane() {
        write("emoji.txt", "😀😀 pick me 😀\n");
        generate(owner, Map.of("prompt", "What is selected?", "path", "emoji.txt", "selection", Map.of("from", 3, "to", 10)));
        assertThat(fake.requests().getLast().lastUserText()).contains("<selection path=\"emoji.txt\">\npick me\n</selection>");
    }

    @Test
    void secretsAreNeverSentAndNeverEdited() {
        write(".env", "API_SECRET=hunter2-do-not-leak\n");
        write("config/.env.production", "DB_PASSWORD=hunter3-do-not-leak\n");
        write("keys/server.pem", "-----BEGIN PRIVATE KEY-----hunter4\n");
        write("src/App.java", "class App { String secret = System.getenv(\"API_SECRET\"); }\n");
        fake.enqueue(FakeAnthropic.answer(editBlock(".env", "API_SECRET=hunter2-do-not-leak\n", "API_SECRET=changed\n")));

        var events = generate(owner, Map.of("prompt", "Where is API_SECRET used? hunter2 DB_PASSWORD", "path", ".env", "apply", true));

        String sent = fake.requests().getLast().allText();
        assertThat(sent).doesNotContain("hunter2-do-not-leak").doesNotContain("hunter3").doesNotContain("hunter4")
                .doesNotContain("server.pem").doesNotContain(".env.production");
        assertThat(sent).contains("withheld").contains("src/App.java");
        var edit = SseEvents.named(events, "edit").getFirst().data();
        assertThat(edit.path("status").asString()).isEqualTo("rejected");
        assertThat(edit.path("reason").asString()).contains("secrets");
        assertThat(read(".env")).isEqualTo("API_SECRET=hunter2-do-not-leak\n");
    }

    @Test
    void proposedEditsAreValidatedButNotApplied() {
        write("src/Calc.java", "class Calc {\n    int add(int a, int b) { return a - b; }\n}\n");
        fake.enqueue(FakeAnthropic.answer("Fixing the sign.\n\n```java\n",
                editBlock("src/Calc.java", "    int add(int a, int b) { return a - b; }\n", "    int add(int a, int b) { return a + b; }\n"), "```\n"));

        var events = generate(owner, Map.of("prompt", "Fix add", "path", "src/Calc.java"));

        var edits = SseEvents.named(events, "edit");
        assertThat(edits).hasSize(1);
        assertThat(edits.getFirst().data().path("status").asString()).isEqualTo("proposed");
        assertThat(edits.getFirst().data().path("path").asString()).isEqualTo("src/Calc.java");
        assertThat(edits.getFirst().data().path("replace").asString()).contains("a + b");
        assertThat(read("src/Calc.java")).contains("a - b");
    }

    @Test
    void appliedEditsToAClosedFileAreFileWritesWithAVersionByTheUser() {
        write("src/Calc.java", "class Calc {\n    int add(int a, int b) { return a - b; }\n}\n");
        fake.enqueue(FakeAnthropic.answer(
                editBlock("src/Calc.java", "    int add(int a, int b) { return a - b; }\n", "    int add(int a, int b) { return a + b; }\n"),
                editBlock("src/Util.java", "", "class Util {}\n")));

        var events = generate(owner, Map.of("prompt", "Fix add and add a Util class", "path", "src/Calc.java", "apply", true));

        var edits = SseEvents.named(events, "edit");
        assertThat(edits).extracting(e -> e.data().path("status").asString()).containsExactly("applied", "applied");
        assertThat(edits).extracting(e -> e.data().path("via").asString()).containsExactly("file", "file");
        assertThat(read("src/Calc.java")).isEqualTo("class Calc {\n    int add(int a, int b) { return a + b; }\n}\n");
        assertThat(read("src/Util.java")).isEqualTo("class Util {}\n");
        var history = http.get("/api/projects/" + projectId + "/history/src/Calc.java").bearer(owner.accessToken()).send().json();
        assertThat(history.get(0).path("authorId").asString()).isEqualTo(owner.id().toString());
        assertThat(history.size()).isEqualTo(2);
    }

    @Test
    void editsNamingPathsOutsideTheProjectAreRejectedAndNothingIsWrittenThere() {
        var other = createProject(owner, "other-project");
        write(other, "victim.txt", "untouched\n");
        write("ok.txt", "one\n");
        fake.enqueue(FakeAnthropic.answer(
                editBlock("../../x", "", "escaped\n"),
                editBlock("../" + other + "/victim.txt", "untouched\n", "owned\n"),
                editBlock("/etc/passwd", "", "root\n"),
                editBlock("..\\..\\win.txt", "", "escaped\n"),
                editBlock("ok.txt", "one\n", "two\n")));

        var events = generate(owner, Map.of("prompt", "Do it", "apply", true));

        var edits = SseEvents.named(events, "edit");
        assertThat(edits).extracting(e -> e.data().path("status").asString())
                .containsExactly("rejected", "rejected", "rejected", "rejected", "applied");
        assertThat(edits.subList(0, 4)).allSatisfy(e -> assertThat(e.data().path("reason").asString()).contains("not a file in this project"));
        assertThat(read(other, "victim.txt")).isEqualTo("untouched\n");
        assertThat(read("ok.txt")).isEqualTo("two\n");
        assertThat(read("x")).isNull();
    }

    @Test
    void aFilesEditsApplyAllTogetherOrNotAtAll() {
        write("twice.txt", "a\nsame\nsame\n");
        write("multi.txt", "first\nsecond\n");
        fake.enqueue(FakeAnthropic.answer(
                editBlock("twice.txt", "same\n", "other\n"),
                editBlock("multi.txt", "first\n", "1st\n"),
                editBlock("multi.txt", "not there\n", "x\n"),
                editBlock("missing.txt", "anything\n", "x\n")));

        var events = generate(owner, Map.of("prompt", "Do it", "apply", true));

        var edits = SseEvents.named(events, "edit");
        assertThat(edits).extracting(e -> e.data().path("status").asString()).containsOnly("rejected");
        assertThat(edits.get(0).data().path("reason").asString()).contains("appears 2 times");
        assertThat(edits.get(1).data().path("reason").asString()).contains("not in the file");
        assertThat(read("twice.txt")).isEqualTo("a\nsame\nsame\n");
        assertThat(read("multi.txt")).isEqualTo("first\nsecond\n");
        assertThat(read("missing.txt")).isNull();
    }

    @Test
    void aFollowUpContinuesTheSessionWithItsHistory() {
        fake.enqueue(FakeAnthropic.answer("First answer."), FakeAnthropic.answer("Second answer."));
        var first = generate(owner, Map.of("prompt", "First question"));
        String sessionId = first.getLast().data().path("sessionId").asString();

        var second = generate(owner, Map.of("prompt", "Second question", "sessionId", sessionId));

        assertThat(second.getLast().data().path("sessionId").asString()).isEqualTo(sessionId);
        var messages = fake.requests().getLast().body().path("messages");
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.get(0).path("content").toString()).contains("First question");
        assertThat(messages.get(1).path("content").toString()).contains("First answer.");
        var list = http.get("/api/projects/" + projectId + "/ai/sessions").bearer(owner.accessToken()).send().json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("title").asString()).isEqualTo("First question");
        var session = http.get("/api/projects/" + projectId + "/ai/sessions/" + sessionId).bearer(owner.accessToken()).send().json();
        assertThat(session.path("messages")).extracting(m -> m.path("role").asString()).containsExactly("user", "assistant", "user", "assistant");
        assertThat(session.path("messages").get(3).path("content").asString()).isEqualTo("Second answer.");

        Session viewer = member("viewer");
        assertThat(http.get("/api/projects/" + projectId + "/ai/sessions/" + sessionId).bearer(viewer.accessToken()).send().status()).isEqualTo(200);
        Session collaborator = member("collaborator");
        var notYours = refused(collaborator, Map.of("prompt", "Hijack", "sessionId", sessionId));
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.text("code")).isEqualTo("ai-session-not-yours");
        var unknown = refused(owner, Map.of("prompt", "?", "sessionId", java.util.UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("ai-session-not-found");
    }

    @Test
    void deletingTheProjectDeletesItsConversations() {
        var done = generate(owner, Map.of("prompt", "Hello"));
        String sessionId = done.getLast().data().path("sessionId").asString();
        assertThat(http.delete("/api/projects/" + projectId).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from ai_sessions where id = ?::uuid").param(sessionId).query(Long.class).single() == 0);
        assertThat(usageOutcomes(owner)).containsExactly("complete");
    }

    @Test
    void usageShowsTodaysTokensAgainstTheBudget() {
        Session fresh = users.register(uniqueEmail("ai-usage"));
        var before = http.get("/api/ai/usage").bearer(fresh.accessToken()).send().json();
        assertThat(before.path("inputTokens").asLong()).isZero();
        assertThat(before.path("budget").asLong()).isEqualTo(5000);
        assertThat(before.path("remaining").asLong()).isEqualTo(5000);
        generate(owner, Map.of("prompt", "Hello"));
        var after = http.get("/api/ai/usage").bearer(owner.accessToken()).send().json();
        assertThat(after.path("inputTokens").asLong()).isEqualTo(25);
        assertThat(after.path("outputTokens").asLong()).isEqualTo(40);
        assertThat(after.path("remaining").asLong()).isEqualTo(5000 - 65);
        assertThat(usageOutcomes(owner)).isEqualTo(List.of("complete"));
    }
}
