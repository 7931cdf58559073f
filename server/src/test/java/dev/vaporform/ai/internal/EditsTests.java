package dev.vaporform.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vaporform.ai.internal.context.SecretFiles;
import dev.vaporform.ai.internal.edits.EditParser;
import dev.vaporform.ai.internal.edits.EditRejected;
import dev.vaporform.ai.internal.edits.EditText;
import dev.vaporform.ai.internal.edits.ProposedEdit;

/** Reading edits out of model answers, applying them to text, and telling secret files apart. */
class EditsTests {

    @Test
    void blocksAreReadWithThePathLineBeforeThemInsideFencesAndMarkdown() {
        String answer = """
                I will fix both.

                **src/A.java**
                ```java
                src/A.java
                <<<<<<< SEARCH
                int a = 1;
                =======
                int a = 2;
                >>>>>>> REPLACE
                ```

                `lib/b.py`:
                <<<<<<< SEARCH
                =======
                print("new")
                >>>>>>> REPLACE
                """;
        assertThat(EditParser.parse(answer)).containsExactly(
                new ProposedEdit("src/A.java", "int a = 1;\n", "int a = 2;\n"),
                new ProposedEdit("lib/b.py", "", "print(\"new\")\n"));
    }

    @Test
    void anUnclosedBlockIsNoEdit() {
        assertThat(EditParser.parse("a.txt\n<<<<<<< SEARCH\nx\n=======\ny\n")).isEmpty();
        assertThat(EditParser.parse("a.txt\n<<<<<<< SEARCH\nx\n")).isEmpty();
    }

    @Test
    void windowsLineEndsInTheAnswerAreRead() {
        assertThat(EditParser.parse("a.txt\r\n<<<<<<< SEARCH\r\nx\r\n=======\r\ny\r\n>>>>>>> REPLACE\r\n"))
                .containsExactly(new ProposedEdit("a.txt", "x\n", "y\n"));
    }

    @Test
    void editsApplyInOrderAndTheLastLineMayLackItsNewline() {
        String text = "alpha\nbeta\ngamma";
        String after = EditText.apply(text, List.of(new ProposedEdit("f", "beta\n", "BETA\n"), new ProposedEdit("f", "gamma\n", "GAMMA\n")));
        assertThat(after).isEqualTo("alpha\nBETA\nGAMMA");
    }

    @Test
    void searchTextMustMatchExactlyOnce() {
        assertThatThrownBy(() -> EditText.apply("x\nx\n", List.of(new ProposedEdit("f", "x\n", "y\n")))).isInstanceOf(EditRejected.class)
                .hasMessageContaining("2 times");
        assertThatThrownBy(() -> EditText.apply("x\n", List.of(new ProposedEdit("f", "  x\n", "y\n")))).isInstanceOf(EditRejected.class)
                .hasMessageContaining("not in the file");
        assertThatThrownBy(() -> EditText.apply("x\n", List.of(new ProposedEdit("f", "", "y\n")))).isInstanceOf(EditRejected.class)
                .hasMessageContaining("already exists");
        assertThat(EditText.apply(null, List.of(new ProposedEdit("f", "", "new\n")))).isEqualTo("new\n");
    }

    @Test
    void secretFilesAreKnownByNameAnywhereAndByPathGlobs() {
        var secrets = new SecretFiles(List.of(".env", ".env.*", "*.pem", "id_rsa*", ".ssh/**", ".git/**"));
        assertThat(secrets.isSecret(".env")).isTrue();
        assertThat(secrets.isSecret("services/api/.env.local")).isTrue();
        assertThat(secrets.isSecret("certs/server.pem")).isTrue();
        assertThat(secrets.isSecret("home/.ssh/config")).isTrue();
        assertThat(secrets.isSecret(".git/config")).isTrue();
        assertThat(secrets.isSecret("deploy/id_rsa.pub")).isTrue();
        assertThat(secrets.isSecret("src/environment.ts")).isFalse();
        assertThat(secrets.isSecret("docs/env.md")).isFalse();
        // A name in other letters is the same secret (and the same file on a case-insensitive disk).
        assertThat(secrets.isSecret(".ENV")).isTrue();
        assertThat(secrets.isSecret("Certs/SERVER.PEM")).isTrue();
        assertThat(secrets.isSecret("home/.SSH/config")).isTrue();
        assertThat(secrets.isSecret("ID_RSA")).isTrue();
    }
}
