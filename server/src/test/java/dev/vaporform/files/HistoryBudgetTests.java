package dev.vaporform.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.TestHome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rewriting one file forever cannot fill the disk with its versions: the test configuration's
 * budget is 3 MB of stored versions, recent ones (5 s) are never pruned, each file's 2 newest
 * only after every older one.
 */
class HistoryBudgetTests extends FilesTest {

    private static final int SIZE = 250 * 1024;
    private static final long BUDGET = 3L * 1024 * 1024;

    @Test
    void rejectsARewriteThatOnlyPruningRecentHistoryCouldFit() throws IOException {
        Http.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            var response = put("big.bin", content(i));
            if (response.status() != 200 && response.status() != 201) refused = response;
        }
        assertThat(refused).as("20 rewrites of 250 KB within seconds, over a 3 MB history budget, all accepted").isNotNull();
        assertProblem(refused, 413, "history-quota-exceeded");
        assertThat(refused.text("limit")).isEqualTo("max-history-size");
        assertThat(storedBytes()).isLessThanOrEqualTo(BUDGET);
        var history = http.get(base() + "/history/big.bin").bearer(owner.accessToken()).send().json();
        assertThat(history.size()).as("every accepted version is still there").isBetween(10, 13);
        history.forEach(v -> assertThat(v.path("pruned").asBoolean()).as("recent versions are never pruned").isFalse());
    }

    @Test
    void prunesTheOldestVersionsBeyondTheBudgetAndSaysSoInTheHistory() throws IOException {
        for (int i = 0; i < 30; i++) {
            byte[] body = content(100 + i);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> put("big.bin", body).status() / 100 == 2); // refused while the history is all recent
            assertThat(storedBytes()).as("stored versions after write %d", i + 1).isLessThanOrEqualTo(BUDGET);
        }
        var history = http.get(base() + "/history/big.bin").bearer(owner.accessToken()).send().json();
        assertThat(history.size()).as("pruned versions stay listed").isEqualTo(30);
        assertThat(history.get(0).path("pruned").asBoolean()).isFalse();
        assertThat(history.get(1).path("pruned").asBoolean()).isFalse();
        var oldest = history.get(29);
        assertThat(oldest.path("version").asLong()).isEqualTo(1);
        assertThat(oldest.path("pruned").asBoolean()).as(oldest.toString()).isTrue();
        assertThat(oldest.path("prunedAt").asString()).isNotBlank();
        var gone = http.get(base() + "/history/big.bin?version=1").bearer(owner.accessToken()).send();
        assertProblem(gone, 410, "version-pruned");
        var kept = http.get(base() + "/history/big.bin?version=" + history.get(1).path("version").asLong())
                .bearer(owner.accessToken()).sendForBytes();
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(content(128));
    }

    private static byte[] content(int seed) {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = (byte) (seed >> 8);
        return bytes;
    }

    private long storedBytes() throws IOException {
        Path blobs = TestHome.path().resolve("blobs").resolve(project.toString());
        if (!Files.isDirectory(blobs)) return 0;
        try (Stream<Path> walk = Files.walk(blobs)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
