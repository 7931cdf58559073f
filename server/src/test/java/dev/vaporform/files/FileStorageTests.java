package dev.vaporform.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.files.storage.Blobs;
import dev.vaporform.projects.ProjectRole;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Files on the real disk through the API: create, read, replace with ETags, delete, mkdir, move, versions. */
class FileStorageTests extends FilesTest {

    @Autowired Blobs blobs;

    @Test
    void createsReadsAndReplacesAFileWithVersionsAsETags() throws Exception {
        var created = put("src/Main.java", "class Main {}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(Files.readString(root().resolve("src/Main.java"))).isEqualTo("class Main {}");

        var read = get("src/Main.java");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("class Main {}");
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.header("Content-Disposition")).startsWith("attachment");

        var replaced = http.put(files("src/Main.java"), "class Main { }").header("If-Match", "\"1\"").bearer(owner.accessToken()).send();
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("version").asLong()).isEqualTo(2);
        assertThat(replaced.json().path("size").asLong()).isEqualTo(14);
    }

    @Test
    void rejectsAStaleIfMatchWith412AndChangesNothing() throws Exception {
        put("notes.txt", "first");
        put("notes.txt", "second");
        var stale = http.put(files("notes.txt"), "mine").header("If-Match", "\"1\"").bearer(owner.accessToken()).send();
        assertProblem(stale, 412, "stale-file-version");
        assertThat(Files.readString(root().resolve("notes.txt"))).isEqualTo("second");
        assertProblem(http.put(files("absent.txt"), "x").header("If-Match", "\"1\"").bearer(owner.accessToken()).send(),
                412, "stale-file-version");
        assertThat(root().resolve("absent.txt")).doesNotExist();
    }

    @Test
    void aFileChangedOnDiskGetsANewVersionBeforeItIsServedOrCompared() throws Exception {
        put("a.txt", "api");
        Files.writeString(root().resolve("a.txt"), "edited in the workspace");
        var read = get("a.txt");
        assertThat(read.body()).isEqualTo("edited in the workspace");
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertProblem(http.put(files("a.txt"), "x").header("If-Match", "\"1\"").bearer(owner.accessToken()).send(),
                412, "stale-file-version");
        var history = http.get(base() + "/history/a.txt").bearer(owner.accessToken()).send().json();
        assertThat(history.get(0).path("origin").asString()).isEqualTo("disk");
        assertThat(history.get(0).has("authorId")).isFalse();
        assertThat(history.get(1).path("authorId").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void binaryContentRoundTripsByteForByte() {
        byte[] content = new byte[100_000];
        new Random(7).nextBytes(content);
        put("assets/image.png", content);
        var read = http.get(files("assets/image.png")).bearer(owner.accessToken()).sendForBytes();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(content);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void historyListsVersionsNewestFirstAndServesOldOnesStoringEqualContentOnce() {
        put("h.txt", "one");
        put("h.txt", "two");
        put("h.txt", "one");
        var history = http.get(base() + "/history/h.txt").bearer(owner.accessToken()).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().findValues("version").stream().map(v -> v.asLong())).containsExactly(3L, 2L, 1L);
        assertThat(history.json().get(0).path("sha256").asString()).isEqualTo(history.json().get(2).path("sha256").asString());
        var old = http.get(base() + "/history/h.txt?version=2").bearer(owner.accessToken()).send();
        assertThat(old.body()).isEqualTo("two");
        assertThat(old.header("ETag")).isEqualTo("\"2\"");
        assertThat(blobs.count(project)).isEqualTo(2);
        assertProblem(http.get(base() + "/history/h.txt?version=9").bearer(owner.accessToken()).send(), 404, "file-not-found");
        assertProblem(http.get(base() + "/history/never.txt").bearer(owner.accessToken()).send(), 404, "file-not-found");
    }

    @Test
    void treeListsFilesAndDirectoriesRecursively() {
        put("a/b/c.txt", "c");
        put("top.md", "# top");
        post("/directories", Map.of("path", "empty/dir"));
        var tree = http.get(base() + "/tree").bearer(owner.accessToken()).send();
        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.json().path("entries").findValues("path").stream().map(v -> v.asString()))
                .containsExactly("a", "a/b", "a/b/c.txt", "empty", "empty/dir", "top.md");
        assertThat(tree.json().path("entries").get(2).path("type").asString()).isEqualTo("file");
        assertThat(tree.json().path("entries").get(2).path("size").asLong()).isEqualTo(1);
        assertThat(tree.json().path("entries").get(1).path("type").asString()).isEqualTo("dir");
    }

    @Test
    void deletesFilesAndDirectoriesOnlyRecursivelyWhenNotEmpty() {
        put("d/x.txt", "x");
        put("d/sub/y.txt", "y");
        assertProblem(http.delete(files("d")).bearer(owner.accessToken()).send(), 409, "directory-not-empty");
        assertThat(root().resolve("d/x.txt")).exists();
        assertThat(http.delete(files("d/x.txt")).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(root().resolve("d/x.txt")).doesNotExist();
        assertThat(http.delete(files("d") + "?recursive=true").bearer(owner.accessToken()).send().status()).isEqualTo(204);
        assertThat(root().resolve("d")).doesNotExist();
        assertProblem(http.delete(files("d")).bearer(owner.accessToken()).send(), 404, "file-not-found");
        assertProblem(get("d/x.txt"), 404, "file-not-found");
    }

    @Test
    void mkdirCreatesParentsAndRefusesAnExistingPath() {
        assertThat(post("/directories", Map.of("path", "p/q/r")).status()).isEqualTo(201);
        assertThat(root().resolve("p/q/r")).isDirectory();
        assertProblem(post("/directories", Map.of("path", "p/q")), 409, "file-exists");
        put("f.txt", "f");
        assertProblem(post("/directories", Map.of("path", "f.txt/inner")), 409, "path-conflict");
        assertProblem(put("p", "x"), 409, "path-conflict");
    }

    @Test
    void movesAndRenamesFilesAndDirectoriesButNeverOntoAnExistingTarget() throws Exception {
        put("old/name.txt", "content");
        put("other.txt", "other");
        var moved = post("/move", Map.of("from", "old/name.txt", "to", "new/renamed.txt"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(Files.readString(root().resolve("new/renamed.txt"))).isEqualTo("content");
        assertThat(root().resolve("old/name.txt")).doesNotExist();
        assertProblem(post("/move", Map.of("from", "other.txt", "to", "new/renamed.txt")), 409, "file-exists");
        assertThat(Files.readString(root().resolve("new/renamed.txt"))).isEqualTo("content");
        assertThat(post("/move", Map.of("from", "new", "to", "moved")).status()).isEqualTo(200);
        assertThat(root().resolve("moved/renamed.txt")).exists();
        assertProblem(post("/move", Map.of("from", "moved", "to", "moved/inside")), 409, "path-conflict");
        assertProblem(post("/move", Map.of("from", "ghost.txt", "to", "x.txt")), 404, "file-not-found");
    }

    @Test
    void viewersReadButCannotWrite() {
        Session viewer = users.register(uniqueEmail("files-viewer"));
        http.post(base() + "/collaborators", Map.of("email", viewer.email(), "role", ProjectRole.viewer.name()))
                .bearer(owner.accessToken()).send();
        put("r.txt", "readable");
        assertThat(http.get(files("r.txt")).bearer(viewer.accessToken()).send().body()).isEqualTo("readable");
        assertProblem(http.put(files("r.txt"), "no").bearer(viewer.accessToken()).send(), 403, "project-role-too-low");
        assertProblem(http.delete(files("r.txt")).bearer(viewer.accessToken()).send(), 403, "project-role-too-low");
        assertProblem(http.post(base() + "/move", Map.of("from", "r.txt", "to", "s.txt")).bearer(viewer.accessToken()).send(),
                403, "project-role-too-low");
        assertThat(new String(readDisk("r.txt"), StandardCharsets.UTF_8)).isEqualTo("readable");
    }

    @Test
    void rejectsAnotherProjectsFileFromAProjectTheCallerBelongsTo() {
        Session stranger = users.register(uniqueEmail("files-stranger"));
        var theirs = createProject(stranger);
        put("secret.txt", "mine");
        var response = http.get("/api/projects/" + theirs + "/files/secret.txt").bearer(stranger.accessToken()).send();
        assertProblem(response, 404, "file-not-found");
        assertProblem(http.get(files("secret.txt")).bearer(stranger.accessToken()).send(), 404, "project-not-found");
    }

    private byte[] readDisk(String path) {
        try {
            return Files.readAllBytes(root().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
