package dev.vaporform.containers.internal;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.springframework.stereotype.Component;

/**
 * The two Docker clients: one for short control calls, bounded by the configured timeout, and
 * one without a read timeout for long-lived streams (events, logs, exec attach), which may be
 * silent for minutes. Both are created once; creating a client costs about a second here.
 */
@Component
public class DockerClients implements AutoCloseable {

    private final DockerClient control;
    private final DockerClient streams;
    private final String host;

    DockerClients(ContainersProperties properties) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!properties.dockerHost().isBlank()) builder.withDockerHost(properties.dockerHost());
        var config = builder.build();
        this.host = config.getDockerHost().toString();
        this.control = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .maxConnections(64).connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(properties.dockerTimeout()).build());
        this.streams = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .maxConnections(256).connectionTimeout(Duration.ofSeconds(3)).build());
    }

    /** @return the client for calls that must answer within the Docker timeout */
    public DockerClient control() { return control; }

    /** @return the client for streams that stay open */
    public DockerClient streams() { return streams; }

    /** @return where the engine is, for messages */
    public String host() { return host; }

    @Override
    public void close() throws Exception {
        control.close();
        streams.close();
    }
}
