package dev.vaporform.files;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes made on disk without the server (a workspace command, git, a build) reach the tree,
 * the search index and other modules' events; the server's own writes are not echoed back.
 */
class WatcherTests extends FilesTest {

    @Autowired RecordedFileEvents events;
    @Autowired ProjectFiles projectFiles;

    private void awaitSearchHit(String query, String path) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get(base() + "/search?q=" + query).bearer(owner.accessToken()).send().json().path("hits").findValues("path")
                        .stream().map(v -> v.asString())).contains(path));
    }

    @Test
    void aFileWrittenOnDiskIsIndexedListedAndAnnounced() throws Exception {
        try (Watch watch = projectFiles.watch(project)) {
            put("seed.txt", "seed");
            Files.createDirectories(root().resolve("from/shell"));
            Files.writeString(root().resolve("from/shell/made.txt"), "written by a workspace command\n");
            awaitSearchHit("workspace+command", "from/shell/made.txt");
            assertThat(http.get(base() + "/tree").bearer(owner.accessToken()).send().body()).contains("from/shell/made.txt");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.of(project)
                    .contains(new FileChanged(project, "from/shell/made.txt", null, FileOrigin.disk)));
        }
    }

    @Test
    void deletionsAndMovesOnDiskBecomeFileDeletedAndFileMoved() throws Exception {
        try (Watch watch = projectFiles.watch(project)) {
            put("a/moving.txt", "moves on disk");
            put("a/going.txt", "deleted on disk");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.of(project).size() >= 2);
            Files.move(root().resolve("a/moving.txt"), root().resolve("a/moved.txt"));
            Files.delete(root().resolve("a/going.txt"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.of(project)).contains(
                    new FileMoved(project, "a/moving.txt", "a/moved.txt", FileOrigin.disk),
                    new FileDeleted(project, "a/going.txt", FileOrigin.disk)));
            awaitSearchHit("moves+on+disk", "a/moved.txt");
        }
    }

    @Test
    void theServersOwnWritesAreAnnouncedOnceAsApiChanges() throws Exception {
        try (Watch watch = projectFiles.watch(project)) {
            put("own.txt", "mine");
            Files.writeString(root().resolve("marker.txt"), "marker");
            // The marker's disk event comes after the write's rename, so once it is seen, so was the write.
            await().atMost(Duration.ofSeconds(10)).until(() -> events.of(project)
                    .contains(new FileChanged(project, "marker.txt", null, FileOrigin.disk)));
            assertThat(events.of(project)).filteredOn(e -> e instanceof FileChanged c && c.path().equals("own.txt"))
                    .containsExactly(new FileChanged(project, "own.txt", 1L, FileOrigin.api));
        }
    }

    @Test
    void aWholeDirectoryMovedOnDiskMovesEveryFileInIt() throws Exception {
        try (Watch watch = projectFiles.watch(project)) {
            put("pkg/One.java", "class One {}");
            put("pkg/Two.java", "class Two {}");
            Files.writeString(root().resolve("marker.txt"), "marker");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.of(project).stream().anyMatch(e -> e instanceof FileChanged c && c.path().equals("marker.txt")));
            Files.move(root().resolve("pkg"), root().resolve("renamed"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.of(project)).contains(
                    new FileMoved(project, "pkg/One.java", "renamed/One.java", FileOrigin.disk),
                    new FileMoved(project, "pkg/Two.java", "renamed/Two.java", FileOrigin.disk)));
            Files.writeString(root().resolve("renamed/Three.java"), "class Three {}");
            await().atMost(Duration.ofSeconds(10)).until(() -> events.of(project)
                    .contains(new FileChanged(project, "renamed/Three.java", null, FileOrigin.disk)));
        }
    }
}
