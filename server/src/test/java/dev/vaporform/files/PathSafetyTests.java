package dev.vaporform.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases 27–32 of security-and-style.md §D against the running server and the real disk: every
 * traversal variant, in the URL and in JSON bodies, is refused or stays inside the root, and
 * no read, write, archive or search follows a link out of the project.
 */
class PathSafetyTests extends FilesTest {

    private Path outside;

    @BeforeEach
    void secretOutsideTheRoot() throws Exception {
        outside = Files.createTempDirectory(TestHome.path(), "outside-");
        Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET-OUTSIDE");
    }

    @AfterEach
    void cleanUp() {
        TestHome.deleteRecursively(outside);
    }

    private static final List<String> REFUSED_IN_BODIES = List.of(
            "../../etc/passwd", "a/../../b", "..", ".", "/etc/passwd", "C:\\x", "C:/x", "\\\\server\\share", "a\\..\\b",
            "．．／x", "..∕x", "a/..∕..∕b", "foo\u0000.txt", "tab\there", "new\nline", "bidi\u202Eevil",
            "x".repeat(1025), "d/".repeat(65) + "f", "s".repeat(256), "", "///", ".vaporform-tmp-x");

    @Test
    void rejectsEveryTraversalVariantInJsonBodies() {
        put("safe.txt", "safe");
        for (String path : REFUSED_IN_BODIES) {
            assertProblem(post("/directories", Map.of("path", path)), 400, "invalid-path");
            assertProblem(post("/move", Map.of("from", "safe.txt", "to", path)), 400, "invalid-path");
            assertProblem(post("/move", Map.of("from", path, "to", "elsewhere.txt")), 400, "invalid-path");
        }
        assertThat(root().resolve("safe.txt")).exists();
        assertThat(TestHome.path().resolve("projects").resolve("etc")).doesNotExist();
    }

    @Test
    void namesTheRuleABadPathBreaks() {
        var response = post("/directories", Map.of("path", "a/../../b"));
        assertThat(response.text("rule")).isEqualTo("parent-segment");
        assertThat(post("/directories", Map.of("path", "d/".repeat(65) + "f")).text("rule")).isEqualTo("max-depth");
        assertThat(post("/directories", Map.of("path", "x".repeat(1025))).text("rule")).isEqualTo("max-path-length");
    }

    @Test
    void encodedLookingNamesInBodiesAreLiteralNamesInsideTheRoot() throws Exception {
        for (String literal : List.of("%2e%2e/%2e%2e/x", "%252e%252e%252f", "..%c0%af")) {
            assertThat(post("/directories", Map.of("path", literal)).status()).as(literal).isEqualTo(201);
        }
        assertThat(root().resolve("%2e%2e/%2e%2e/x")).isDirectory();
        assertThat(root().resolve("%252e%252e%252f")).isDirectory();
        assertThat(root().resolve("..%c0%af")).isDirectory();
    }

    @Test
    void redundantSeparatorsAndDotSegmentsAreCanonicalised() {
        put("a/b.txt", "one");
        assertThat(post("/move", Map.of("from", "a//b.txt", "to", "a/./c.txt")).status()).isEqualTo(200);
        assertThat(root().resolve("a/c.txt")).exists();
        var history = http.get(base() + "/history/a/c.txt").bearer(owner.accessToken()).send().json();
        assertThat(history.get(0).path("path").asString()).isEqualTo("a/c.txt");
    }

    @Test
    void rejectsTraversalInUrlsWithAProblemAnd400() {
        put("inside.txt", "in");
        List<String> raw = List.of("../../etc/passwd", "a/../../b", "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2fx", "..%2fx",
                "%252e%252e%252fx", "..%c0%afx", "a%5c..%5cb", "%00x", "foo%00.txt", "a//b", "./x", "..", "%2fetc%2fpasswd",
                "%EF%BC%8E%EF%BC%8E%EF%BC%8Fx", "..%E2%88%95x", "x%0Ay");
        for (String path : raw) {
            Http.Response response = http.get(base() + "/files/" + path).bearer(owner.accessToken()).send();
            assertThat(response.status()).as(path + " -> " + response).isIn(400, 404);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            var put = http.put(base() + "/files/" + path, "evil").bearer(owner.accessToken()).send();
            assertThat(put.status()).as(path + " PUT -> " + put).isIn(400, 404);
        }
        assertThat(TestHome.path().resolve("projects/etc")).doesNotExist();
        assertThat(TestHome.path().resolve("projects/x")).doesNotExist();
    }

    @Test
    void firewallRefusalsAreProblemJson() {
        for (String path : List.of("%2e%2e/x", "a%2fb", "a//b", "%252e")) {
            var response = http.get(base() + "/files/" + path).bearer(owner.accessToken()).send();
            assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.text("code")).as(path).isEqualTo("request-rejected");
        }
    }

    @Test
    void neverReadsOrWritesThroughALinkOutOfTheRoot() throws Exception {
        put("keep.txt", "k");
        Files.createSymbolicLink(root().resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root().resolve("leakdir"), outside);
        assertProblem(get("leak.txt"), 400, "unsafe-link");
        assertProblem(get("leakdir/secret.txt"), 400, "unsafe-link");
        assertProblem(put("leak.txt", "overwrite"), 400, "unsafe-link");
        assertProblem(put("leakdir/new.txt", "planted"), 400, "unsafe-link");
        assertProblem(http.get(base() + "/history/leak.txt").bearer(owner.accessToken()).send(), 400, "unsafe-link");
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("TOP-SECRET-OUTSIDE");
        assertThat(outside.resolve("new.txt")).doesNotExist();

        assertThat(http.delete(files("leak.txt")).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(outside.resolve("secret.txt")).exists();
        assertProblem(post("/move", Map.of("from", "keep.txt", "to", "leakdir/keep.txt")), 400, "unsafe-link");
        assertThat(root().resolve("keep.txt")).exists();
    }

    @Test
    void linksInsideTheRootAreListedButNeverFollowed() throws Exception {
        put("real/target.txt", "inside");
        Files.createSymbolicLink(root().resolve("alias.txt"), root().resolve("real/target.txt"));
        Files.createSymbolicLink(root().resolve("aliasdir"), root().resolve("real"));
        Files.createSymbolicLink(root().resolve("leakdir"), outside);
        // A link inside could be swapped for one outside at any moment: the server follows none.
        assertProblem(get("alias.txt"), 400, "unsafe-link");
        assertProblem(get("aliasdir/target.txt"), 400, "unsafe-link");
        assertProblem(put("alias.txt", "through"), 400, "unsafe-link");
        assertThat(Files.readString(root().resolve("real/target.txt"))).isEqualTo("inside");
        var tree = http.get(base() + "/tree").bearer(owner.accessToken()).send().json().path("entries");
        assertThat(tree.findValues("path").stream().map(v -> v.asString()))
                .doesNotContain("leakdir/secret.txt", "aliasdir/target.txt").contains("leakdir", "alias.txt", "real/target.txt");
        for (var entry : tree) {
            if (entry.path("path").asString().equals("leakdir")) assertThat(entry.path("type").asString()).isEqualTo("link");
        }
    }

    @Test
    void searchAndArchivesNeverFollowALinkOut() throws Exception {
        put("visible.txt", "TOP-SECRET-INSIDE");
        Files.createSymbolicLink(root().resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root().resolve("leakdir"), outside);
        var search = http.get(base() + "/search?q=TOP-SECRET").bearer(owner.accessToken()).send();
        assertThat(search.json().path("hits").findValues("path").stream().map(v -> v.asString())).containsExactly("visible.txt");
        byte[] zip = http.get(base() + "/archive").bearer(owner.accessToken()).sendForBytes().body();
        assertThat(ArchiveTests.entryNames(zip)).containsExactly("visible.txt");
    }
}
