package dev.vaporform.files;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.files.watch.ProjectWatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of changes on disk larger than the watcher can take in (a build writing thousands of
 * files, an unpacked archive) makes it drop events and report an overflow; it must then rescan,
 * so that nothing written in the burst goes unseen.
 */
@ExtendWith(OutputCaptureExtension.class)
class WatcherOverflowTests extends FilesTest {

    /**
     * The JDK keeps at most 512 events per watched directory between two polls; past that it
     * drops the rest and signals OVERFLOW. Each file written here is two events (created,
     * modified) in one directory, written while the watcher is held back, so the overflow happens
     * every time rather than only when the machine is slow enough to lose the race.
     */
    private static final int BURST = 6_000;

    @Autowired RecordedFileEvents events;
    @Autowired ProjectFiles projectFiles;
    @Autowired ProjectWatchers watchers;
    @Autowired JdbcClient jdbc;

    @Test
    void aBurstThatOverflowsTheWatcherIsRecoveredByARescanSoEveryFileIsSearchableAndAnnounced(CapturedOutput output) throws Exception {
        Logger watcherLog = (Logger) LoggerFactory.getLogger(ProjectWatchers.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        watcherLog.addAppender(logged);
        try (Watch watch = projectFiles.watch(project)) {
            List<String> written = IntStream.range(0, BURST).mapToObj(i -> String.format("burst-%05d.txt", i)).toList();
            try (AutoCloseable behind = watchers.pause()) {
                for (int i = 0; i < BURST; i++) {
                    Files.writeString(root().resolve(written.get(i)), "made in a burst: token" + String.format("%05d", i) + "x\n");
                }
            }

            // The overflow really happened: events of this burst were dropped, not merely queued.
            await().atMost(Duration.ofSeconds(10)).until(() -> logged.list.stream().anyMatch(e ->
                    e.getFormattedMessage().equals("Watch events of project " + project + " overflowed; rescanning it")));
            // Every file is announced (FileChanged from disk), including those whose events were dropped.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(announced()).containsAll(written));
            // Every file is searchable: the first, the last, and a sample across the burst.
            for (int i = 0; i < BURST; i += 499) assertSearchable(i, written.get(i));
            assertSearchable(BURST - 1, written.get(BURST - 1));
            // And listed in the tree.
            String tree = http.get(base() + "/tree").bearer(owner.accessToken()).send().body();
            assertThat(written).allMatch(tree::contains);
            // Every announcement reaches the other modules' listeners, none failing for want of a
            // pooled connection (6,000 deliveries at once used to take the whole pool).
            await().atMost(Duration.ofSeconds(60)).until(() -> undelivered() == 0);
            assertThat(output.getAll()).doesNotContain("Connection is not available", "Unexpected exception occurred invoking async method");
        } finally {
            watcherLog.detachAppender(logged);
        }
    }

    private Set<String> announced() {
        return events.of(project).stream().filter(e -> e instanceof FileChanged c && c.origin() == FileOrigin.disk)
                .map(e -> ((FileChanged) e).path()).collect(Collectors.toSet());
    }

    private long undelivered() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + project + "%").query(Long.class).single();
    }

    private void assertSearchable(int index, String path) {
        var response = http.get(base() + "/search?q=token" + String.format("%05d", index) + "x").bearer(owner.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("hits").findValues("path").stream().map(v -> v.asString())).containsExactly(path);
    }
}
