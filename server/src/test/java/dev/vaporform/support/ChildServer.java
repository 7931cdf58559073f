package dev.vaporform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A second Vaporform server in its own JVM, started from the tests' class path: for crash tests
 * (kill it with SIGKILL, start it again on the same data directory) and for several nodes. Its
 * output goes to a log file under {@code target/}. {@link #close()} kills it and, when it ran the
 * embedded PostgreSQL, the database server it leaves behind.
 */
public final class ChildServer implements AutoCloseable {

    private final Path home;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Process process;

    private ChildServer(Path home, Path log, int port, int managementPort, Process process) {
        this.home = home;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Starts a server and waits until it answers (up to 3 minutes: two cores, a cold JIT).
     *
     * @param home the child's {@code VAPORFORM_HOME}; reuse it to restart over the same data
     * @param env  extra environment ({@code DATABASE_URL}, {@code REDIS_URL}, …)
     * @param args extra Spring arguments ({@code --vaporform.collab.x=y})
     */
    public static ChildServer start(Path home, String name, Map<String, String> env, String... args) {
        return start(home, name, env, List.of(), args);
    }

    /**
     * As {@link #start(Path, String, Map, String...)}, with JVM options of its own after the
     * defaults (a later {@code -Xmx} wins, so a test can run the server in a smaller heap).
     */
    public static ChildServer start(Path home, String name, Map<String, String> env, List<String> jvmOptions, String... args) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vaporform.VaporformApplication",
                "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(List.of(args));
        return start(command, Path.of(".").toAbsolutePath().normalize(), home, name, port, managementPort, env, Duration.ofMinutes(3));
    }

    /**
     * Starts a server the way the README says, with the repository's {@code ./vaporform}, on its
     * embedded defaults (a free management port instead of 8081, which the launcher still counts as
     * its defaults), and waits until it answers. The launcher prepares its start-up caches
     * first when the build is new (Spring AOT and a JDK training run: a minute or two here).
     */
    public static ChildServer launch(Path repository, Path home, String name, Map<String, String> env) {
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> withPorts = new HashMap<>(env);
        withPorts.put("SERVER_PORT", Integer.toString(port));
        withPorts.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        return start(List.of(repository.resolve("vaporform").toString()), repository, home, name, port, managementPort, withPorts,
                Duration.ofMinutes(8));
    }

    private static ChildServer start(List<String> command, Path directory, Path home, String name, int port, int managementPort,
                                     Map<String, String> env, Duration patience) {
        Path log = Path.of("target", "child-" + name + "-" + port + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("VAPORFORM_HOME", home.toString());
        builder.environment().putAll(env);
        try {
            Files.createDirectories(home);
            ChildServer child = new ChildServer(home, log, port, managementPort, builder.start());
            child.awaitReady(patience);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return port; }
    /** @return whether the server's process still runs */
    public boolean alive() { return process.isAlive(); }
    public Path home() { return home; }
    public Http http() { return new Http(port); }
    /** @return a client of its management server ({@code /actuator}: metrics, info, probes), on a port of its own */
    public Http management() { return new Http(managementPort); }

    private void awaitReady(Duration patience) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) throw new IllegalStateException("The child server exited; see " + log);
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** SIGTERM, as an operator's stop: @return whether the process exited within the time given */
    public boolean stop(Duration within) {
        process.destroy();
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return everything the server has logged so far */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether a PostgreSQL server still runs on this server's data directory */
    public boolean postmasterRunning() {
        return postmaster().map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGKILL, as a crash: nothing is flushed or closed, the embedded PostgreSQL is orphaned. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the server and any PostgreSQL it ran, so no process outlives the test. */
    @Override
    public void close() {
        kill();
        postmaster().ifPresent(pg -> {
            pg.destroy();
            try {
                pg.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                pg.destroyForcibly();
            }
        });
    }

    private Optional<ProcessHandle> postmaster() {
        Path pid = home.resolve("pg/data/postmaster.pid");
        try {
            if (!Files.exists(pid)) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip()))
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
