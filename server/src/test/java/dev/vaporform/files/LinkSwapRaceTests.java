package dev.vaporform.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a process inside a workspace can do to the server: it writes the same tree the server
 * reads, so it swaps a directory and a file for links to outside (a canary directory, the
 * server's own signing key) in a tight loop, while every file API is called over and over. The
 * canaries are never read, written or deleted, the signing key never leaves the server, and no
 * answer is a 500.
 */
class LinkSwapRaceTests extends FilesTest {

    private static final String CANARY = "CANARY-OUTSIDE-THE-PROJECT-7f3a";
    private static final Duration RACE = Duration.ofSeconds(8);
    private static final int MAX_ROUNDS = 400;

    @Autowired ProjectFiles projectFiles;

    private Path outside;
    private Path keys;
    private String signingKey;
    private final AtomicBoolean swapping = new AtomicBoolean(true);
    private final List<String> leaks = new ArrayList<>();
    private Thread swapper;

    @BeforeEach
    void canariesOutsideAndASwapperInside() throws Exception {
        outside = Files.createTempDirectory(TestHome.path(), "canary-");
        Files.writeString(outside.resolve("secret.txt"), CANARY);
        Files.writeString(outside.resolve("keep.txt"), CANARY + " keep");
        keys = TestHome.path().resolve("keys");
        signingKey = Files.readString(keys.resolve("jwt-signing-key.json"));
        put("dir/inner.txt", "inside");
        // The same names as outside, so a path resolved while the directory is real is opened after it became a link.
        put("dir/secret.txt", "inside");
        put("dir/jwt-signing-key.json", "inside");
        put("f.txt", "a file inside");
        Files.move(root().resolve("dir"), root().resolve("dir.real"));
        Files.move(root().resolve("f.txt"), root().resolve("f.real"));
        Files.createSymbolicLink(root().resolve("dir.out"), outside);
        Files.createSymbolicLink(root().resolve("dir.keys"), keys);
        Files.createSymbolicLink(root().resolve("f.out"), outside.resolve("secret.txt"));
        swapper = Thread.ofPlatform().name("workspace-swapper").start(this::swapInALoop);
    }

    @AfterEach
    void stopSwapping() throws Exception {
        swapping.set(false);
        if (swapper != null) swapper.join(5_000);
    }

    @Test
    void swappingEntriesForLinksNeverLetsAFileApiReachOutsideTheProject() throws Exception {
        long deadline = System.nanoTime() + RACE.toNanos();
        AtomicInteger rounds = new AtomicInteger();
        try (Watch watch = projectFiles.watch(project)) {
            while (System.nanoTime() < deadline && rounds.incrementAndGet() <= MAX_ROUNDS) {
                callEveryFileApi(rounds.get());
            }
        }
        swapping.set(false);
        swapper.join(5_000);

        assertThat(rounds.get()).as("rounds raced").isGreaterThan(5);
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("secret.txt", "keep.txt");
        }
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo(CANARY);
        assertThat(Files.readString(outside.resolve("keep.txt"))).isEqualTo(CANARY + " keep");
        assertThat(Files.readString(keys.resolve("jwt-signing-key.json"))).isEqualTo(signingKey);
        try (Stream<Path> left = Files.list(keys)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("jwt-signing-key.json");
        }
        assertThat(leaks).as("answers that carried outside content or failed with 500").isEmpty();
    }

    @Test
    void aLinkToAnExistingHostFileAndToAMissingOneGetTheSameAnswer() throws Exception {
        swapping.set(false);
        swapper.join(5_000);
        Files.createSymbolicLink(root().resolve("exists.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root().resolve("missing.txt"), outside.resolve("no-such-file.txt"));
        Files.createSymbolicLink(root().resolve("exists-dir"), outside);
        Files.createSymbolicLink(root().resolve("missing-dir"), outside.resolve("no-such-dir"));
        assertSameAnswer(get("exists.txt"), get("missing.txt"), "exists.txt", "missing.txt");
        assertSameAnswer(get("exists-dir/secret.txt"), get("missing-dir/secret.txt"), "exists-dir", "missing-dir");
        assertSameAnswer(put("exists.txt", "x"), put("missing.txt", "x"), "exists.txt", "missing.txt");
        assertSameAnswer(put("exists-dir/new.txt", "x"), put("missing-dir/new.txt", "x"), "exists-dir", "missing-dir");
        assertProblem(get("exists.txt"), 400, "unsafe-link");
    }

    private void assertSameAnswer(dev.vaporform.support.Http.Response a, dev.vaporform.support.Http.Response b, String nameA, String nameB) {
        assertThat(a.status()).as(a + " / " + b).isEqualTo(b.status());
        assertThat(a.text("code")).isEqualTo(b.text("code"));
        assertThat(a.text("detail").replace(nameA, "NAME")).isEqualTo(b.text("detail").replace(nameB, "NAME"));
    }

    private void callEveryFileApi(int round) {
        for (int hot = 0; hot < 5; hot++) {
            check("GET dir/secret.txt", () -> get("dir/secret.txt").body());
            check("PUT dir/secret.txt", () -> put("dir/secret.txt", "overwritten").body());
            check("DELETE dir/secret.txt", () -> http.delete(files("dir/secret.txt")).bearer(owner.accessToken()).send().body());
        }
        check("GET dir/jwt-signing-key.json", () -> get("dir/jwt-signing-key.json").body());
        check("GET f", () -> get("f").body());
        check("PUT dir/planted.txt", () -> put("dir/planted-" + round + ".txt", "planted").body());
        check("PUT f", () -> put("f", "replaced " + round).body());
        check("POST directories", () -> post("/directories", Map.of("path", "dir/sub-" + round)).body());
        check("GET history dir/secret.txt", () -> http.get(base() + "/history/dir/secret.txt").bearer(owner.accessToken()).send().body());
        check("POST move f", () -> post("/move", Map.of("from", "f", "to", "g-" + round)).body());
        check("history of moved f", () -> allVersions("g-" + round));
        check("POST move dir", () -> post("/move", Map.of("from", "dir", "to", "moved-" + round)).body());
        check("history of moved dir", () -> allVersions("moved-" + round + "/inner.txt"));
        check("GET tree", () -> http.get(base() + "/tree").bearer(owner.accessToken()).send().body());
        check("GET search", () -> http.get(base() + "/search?q=CANARY").bearer(owner.accessToken()).send().body());
        check("GET archive", () -> String.join("\n", ArchiveTests.contents(
                http.get(base() + "/archive").bearer(owner.accessToken()).sendForBytes().body()).toString()));
        check("POST archive", () -> http.post(base() + "/archive", ArchiveTests.zip(Map.of("dir/imported-" + round + ".txt", "zip"), List.of()))
                .contentType("application/zip").bearer(owner.accessToken()).send().body());
        check("DELETE dir", () -> http.delete(files("dir") + "?recursive=true").bearer(owner.accessToken()).send().body());
        check("DELETE f", () -> http.delete(files("f")).bearer(owner.accessToken()).send().body());
    }

    /** @return every recorded version's bytes of {@code path}, joined: a blob that became a link would show the canary */
    private String allVersions(String path) {
        var history = http.get(base() + "/history/" + encode(path)).bearer(owner.accessToken()).send();
        if (history.status() != 200) return history.body();
        StringBuilder all = new StringBuilder();
        for (var version : history.json()) {
            all.append(http.get(base() + "/history/" + encode(path) + "?version=" + version.path("version").asLong())
                    .bearer(owner.accessToken()).send().body());
        }
        return all.toString();
    }

    private void check(String call, Supplier<String> answer) {
        String body;
        try {
            body = answer.get();
        } catch (RuntimeException e) {
            leaks.add(call + " threw " + e);
            return;
        }
        if (body.contains(CANARY)) leaks.add(call + " returned the canary: " + abbreviate(body));
        if (body.contains("\"d\"") && signingKeyPart().stream().anyMatch(body::contains)) leaks.add(call + " returned the signing key");
        if (body.contains("\"status\":500")) leaks.add(call + " failed with 500: " + abbreviate(body));
    }

    private List<String> signingKeyPart() {
        var d = dev.vaporform.support.Http.JSON.readTree(signingKey).path("d").asString();
        return d.isEmpty() ? List.of(signingKey) : List.of(d);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The workspace's side: {@code dir} and {@code f} flip between the real thing and links out, as fast as renames go. */
    private void swapInALoop() {
        Path dir = root().resolve("dir");
        Path file = root().resolve("f");
        while (swapping.get()) {
            for (String variant : List.of("dir.real", "dir.out", "dir.real", "dir.keys")) {
                swap(root().resolve(variant), dir);
                swap(root().resolve(variant.equals("dir.real") ? "f.real" : "f.out"), file);
            }
        }
    }

    /** Puts {@code stand} at {@code place} for a moment and takes it back, recreating what the server removed or moved. */
    private void swap(Path stand, Path place) {
        try {
            restore(stand);
            Files.move(stand, place, StandardCopyOption.ATOMIC_MOVE);
            Thread.onSpinWait();
            Files.move(place, stand, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // the server moved or deleted it meanwhile: restore() brings it back next time
        }
    }

    private void restore(Path stand) throws IOException {
        String name = stand.getFileName().toString();
        if (name.equals("dir.real") && Files.isDirectory(stand, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            for (String inside : List.of("inner.txt", "secret.txt", "jwt-signing-key.json")) {
                if (!Files.exists(stand.resolve(inside), java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.writeString(stand.resolve(inside), "inside");
            }
        }
        if (Files.exists(stand, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        switch (name) {
            case "dir.real" -> {
                Files.createDirectories(stand);
                Files.writeString(stand.resolve("inner.txt"), "inside", StandardCharsets.UTF_8);
            }
            case "dir.out" -> Files.createSymbolicLink(stand, outside);
            case "dir.keys" -> Files.createSymbolicLink(stand, keys);
            case "f.real" -> Files.writeString(stand, "a file inside");
            case "f.out" -> Files.createSymbolicLink(stand, outside.resolve("secret.txt"));
            default -> throw new IllegalArgumentException(name);
        }
    }
}
