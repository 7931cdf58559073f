package dev.vaporform.platform.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known,
 * so its few seconds of start-up overlap with the application context's own; the DataSource
 * then waits for it. Registered in {@code META-INF/spring.factories} because it must run before
 * any bean exists. One database per data directory per process.
 */
public class EmbeddedDatabaseStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<EmbeddedDatabase>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // Build-time AOT processing (./vaporform prepares it) only reads bean definitions: no database.
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) return;
        Environment env = event.getEnvironment();
        if (!env.getProperty("vaporform.database.url", "").isBlank()) return;
        String home = env.getProperty("vaporform.home");
        if (home == null || home.isBlank()) return;
        start(Path.of(home).toAbsolutePath().normalize(), env.getProperty("vaporform.database.embedded-binaries", ""));
    }

    /**
     * @param binaries where the binaries are unpacked; blank means under the home directory
     * @return the database for this data directory, starting it if nobody has yet
     */
    static CompletableFuture<EmbeddedDatabase> start(Path home, String binaries) {
        Path binariesPath = binaries.isBlank() ? EmbeddedDatabase.defaultBinaries(home) : Path.of(binaries).toAbsolutePath().normalize();
        return STARTING.computeIfAbsent(home, h -> {
            var database = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(h, binariesPath),
                    runnable -> Thread.ofPlatform().name("embedded-postgres").start(runnable));
            // Each context that uses the database holds a use of it (see DataSourceConfiguration); this
            // starter holds the first, given up by a handler that runs once every context has closed.
            SpringApplication.getShutdownHandlers().add(() -> stopIfStillRunning(h, database));
            return database;
        });
    }

    private static void stopIfStillRunning(Path home, CompletableFuture<EmbeddedDatabase> database) {
        if (!STARTING.remove(home, database)) return; // stopped already
        try {
            database.join().close();
        } catch (RuntimeException | IOException e) {
            // it never started, or the JVM is exiting under it: the next start clears what is left
        }
    }

    /** Forgets the database once it has been closed, so a later context in this JVM starts afresh. */
    static void closed(Path home) {
        STARTING.remove(home);
    }
}
