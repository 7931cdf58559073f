package dev.vaporform.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.embedded.RedisServer;

/**
 * Several Vaporform nodes for a test: child JVMs sharing a fresh database in the test context's
 * embedded PostgreSQL, a real Redis (embedded-redis runs the redis-server binary its jar ships)
 * and a data directory's keys, projects and blobs (each node keeps its own search index).
 * Closing it stops everything it started and drops the database.
 */
public final class NodeCluster implements AutoCloseable {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Path dir;
    private final List<AutoCloseable> cleanUp = new ArrayList<>();
    private RedisServer redis;
    private int redisPort;

    public NodeCluster(JdbcClient jdbc, DataSource dataSource, Path dir) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dir = dir;
    }

    /** @return the environment of nodes sharing a fresh database and a new Redis */
    public Map<String, String> sharedEnvironment() throws IOException {
        return Map.of("DATABASE_URL", freshDatabase(), "REDIS_URL", "redis://127.0.0.1:" + startRedis());
    }

    /** Starts a node; the first one started makes the signing key the others share. */
    public ChildServer node(String name, Map<String, String> env, String... args) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        for (String shared : List.of("keys", "projects", "blobs")) {
            Files.createDirectories(dir.resolve("shared").resolve(shared));
            Files.createSymbolicLink(home.resolve(shared), dir.resolve("shared").resolve(shared));
        }
        ChildServer node = ChildServer.start(home, "node-" + name, env, args);
        cleanUp.add(node);
        return node;
    }

    /** Stops Redis, as an outage would. */
    public void stopRedis() throws IOException {
        redis.stop();
    }

    /** Starts Redis again on the same port (empty: it keeps nothing). */
    public void restartRedis() throws IOException {
        redis = newRedis(redisPort);
        redis.start();
    }

    /** Registers something to close with the cluster (clients), closed before the nodes. */
    public void closeLater(AutoCloseable closeable) {
        cleanUp.add(closeable);
    }

    private String freshDatabase() {
        String name = "nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + name).update();
        cleanUp.add(() -> jdbc.sql("drop database if exists " + name + " with (force)").update());
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    private int startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = newRedis(redisPort);
        redis.start();
        cleanUp.add(() -> {
            if (redis.isActive()) redis.stop();
        });
        return redisPort;
    }

    private static RedisServer newRedis(int port) throws IOException {
        return RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : cleanUp.reversed()) c.close();
    }
}
