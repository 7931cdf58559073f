package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.files.ProjectFiles;
import dev.vaporform.support.FakeAnthropic;

/**
 * A project's files are written by whatever runs in its workspace, so a secret's name is no
 * protection: a link named notes.txt can lead to .env, a hard link copy.txt can be .env, and
 * names vary in case and suffix. Whatever path is asked about, and whatever the search and the
 * project map pick, the secret's content never reaches the provider.
 */
class AiSecretFilesTests extends AiTestSupport {

    private static final List<String> DISGUISES = List.of("notes.txt", "copy.txt", "SECRETS.ENV", "prod.env", "docs/settings.txt");

    @Autowired ProjectFiles files;

    private final String canary = "canary-" + UUID.randomUUID();

    @BeforeEach
    void secretsInDisguise() throws Exception {
        write(".env", "API_TOKEN=" + canary + "\n");
        write("SECRETS.ENV", "API_TOKEN=" + canary + "\n");
        write("prod.env", "API_TOKEN=" + canary + "\n");
        write("src/App.java", "class App { String token = System.getenv(\"API_TOKEN\"); }\n");
        Path root = files.root(projectId);
        // What a process in the workspace can do without any API: link to the secret, or hard-link it.
        Files.createSymbolicLink(root.resolve("notes.txt"), Path.of(".env"));
        Files.createLink(root.resolve("copy.txt"), root.resolve(".env"));
        Files.createDirectories(root.resolve("docs"));
        Files.createSymbolicLink(root.resolve("docs/settings.txt"), Path.of("../prod.env"));
    }

    @Test
    void aSecretAskedAboutUnderAnotherNameIsWithheld() {
        int before = fake.requests().size();
        for (String path : DISGUISES) {
            generate(owner, Map.of("prompt", "What does this file set?", "path", path));
        }
        List<FakeAnthropic.Request> sent = fake.requests().subList(before, fake.requests().size());
        assertThat(sent).hasSize(DISGUISES.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).allText()).as(DISGUISES.get(i)).doesNotContain(canary);
            assertThat(sent.get(i).lastUserText()).contains("<open_file path=\"" + DISGUISES.get(i) + "\">(withheld");
        }
    }

    @Test
    void searchSnippetsAndTheProjectMapLeaveSecretsOutWhateverTheirName() {
        int before = fake.requests().size();
        generate(owner, Map.of("prompt", "Where is API_TOKEN set and read?"));
        generate(owner, Map.of("prompt", "Where is API_TOKEN set?", "path", "src/App.java"));

        List<FakeAnthropic.Request> sent = fake.requests().subList(before, fake.requests().size());
        assertThat(sent).hasSize(2).allSatisfy(request -> assertThat(request.allText()).doesNotContain(canary)
                .doesNotContain("SECRETS.ENV").doesNotContain("prod.env"));
        // The search did run and found the code that reads the variable.
        assertThat(sent.getFirst().lastUserText()).contains("<snippet path=\"src/App.java\"").contains("<project_tree>");
    }

    @Test
    void rejectsEditsOfASecretUnderAnotherName() {
        String secret = "API_TOKEN=" + canary + "\n";
        fake.enqueue(FakeAnthropic.answer(editBlock("notes.txt", secret, "API_TOKEN=mine\n"),
                editBlock("copy.txt", secret, "API_TOKEN=mine\n"), editBlock("prod.env", secret, "API_TOKEN=mine\n")));

        var events = generate(owner, Map.of("prompt", "Rotate the token", "apply", true));

        var edits = SseEvents.named(events, "edit");
        assertThat(edits).hasSize(3).allSatisfy(edit -> {
            assertThat(edit.data().path("status").asString()).as(edit.data().toString()).isEqualTo("rejected");
            assertThat(edit.data().path("reason").asString()).contains("secrets");
        });
        assertThat(read(".env")).isEqualTo(secret);
        assertThat(read("prod.env")).isEqualTo(secret);
    }
}
