package dev.vaporform.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the server is killed hard, its embedded PostgreSQL keeps running and holds the data
 * directory, so the next start would fail. This stops such an orphan (a postgres process named in
 * {@code postmaster.pid} whose parent is gone) before starting a new one. PostgreSQL's own crash
 * recovery then replays the WAL, so committed data survives.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void stopIfRunning(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return;
        Optional<ProcessHandle> process = parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
        if (process.isEmpty() || !isOrphanedPostgres(process.get())) return;
        log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.get().pid());
        process.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            process.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOrphanedPostgres(ProcessHandle process) {
        String command = process.info().command().orElse("");
        boolean postgres = command.endsWith("/postgres") || command.endsWith("postgres");
        boolean ourChild = process.parent().map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false);
        return postgres && !ourChild;
    }
}
