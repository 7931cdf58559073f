package dev.vaporform.containers.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.springframework.stereotype.Component;

/**
 * The two Docker clients: one for short control calls, bounded by the configured timeout, and
 * one without a read timeout for long-lived streams (events, logs, exec attach), which may be
 * silent for minutes. Creating them costs about a second, so it happens on a background thread
 * while the rest of the application starts; the first caller waits for it if need be.
 */
@Component
public class DockerClients implements AutoCloseable {

    private record Pair(DockerClient control, DockerClient streams) {}

    private final CompletableFuture<Pair> clients;
    private final String host;

    DockerClients(ContainersProperties properties) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!properties.dockerHost().isBlank()) builder.withDockerHost(properties.dockerHost());
        var config = builder.build();
        this.host = config.getDockerHost().toString();
        this.clients = CompletableFuture.supplyAsync(() -> new Pair(
                DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                        .maxConnections(64).connectionTimeout(Duration.ofSeconds(3))
                        .responseTimeout(properties.dockerTimeout()).build()),
                DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                        .maxConnections(256).connectionTimeout(Duration.ofSeconds(3)).build())),
                runnable -> Thread.ofPlatform().daemon().name("docker-clients").start(runnable));
    }

    /** @return the client for calls that must answer within the Docker timeout */
    public DockerClient control() { return clients.join().control(); }

    /** @return the client for streams that stay open */
    public DockerClient streams() { return clients.join().streams(); }

    /** @return where the engine is, for messages */
    public String host() { return host; }

    @Override
    public void close() throws Exception {
        Pair pair = clients.join();
        pair.control().close();
        pair.streams().close();
    }
}
