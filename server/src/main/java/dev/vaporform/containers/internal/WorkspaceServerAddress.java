package dev.vaporform.containers.internal;

import java.util.Objects;
import java.util.Optional;

import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a workspace reaches the API ({@code VAPORFORM_URL}): the configured
 * {@code server-url-for-workspaces}, or else this server's port on the gateway of the workspaces'
 * network, which is the host as seen from the network's containers. With network {@code none}
 * there is no such address, and so no reason to hand the workspace a credential.
 */
@Component
class WorkspaceServerAddress {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceServerAddress.class);

    private final ContainersProperties properties;
    private final WorkspaceContainers containers;
    private final DockerEngine engine;
    private final Environment environment;

    WorkspaceServerAddress(ContainersProperties properties, WorkspaceContainers containers, DockerEngine engine,
                           Environment environment) {
        this.properties = properties;
        this.containers = containers;
        this.engine = engine;
        this.environment = environment;
    }

    /** @return the API's address for workspaces on the configured network; empty when they cannot reach it */
    Optional<String> url() {
        if (properties.network().equals("none")) return Optional.empty();
        if (!properties.serverUrlForWorkspaces().isBlank()) return Optional.of(properties.serverUrlForWorkspaces().strip());
        containers.ensureNetwork();
        Optional<String> gateway = gateway();
        if (gateway.isEmpty()) {
            log.warn("Network {} has no IPv4 gateway: workspaces get no credential; set vaporform.containers.server-url-for-workspaces",
                    properties.network());
        }
        return gateway.map(ip -> "http://" + ip + ":" + port());
    }

    private Optional<String> gateway() {
        Network network = engine.call(d -> d.inspectNetworkCmd().withNetworkId(properties.network()).exec());
        if (network.getIpam() == null || network.getIpam().getConfig() == null) return Optional.empty();
        return network.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway).filter(Objects::nonNull)
                .filter(ip -> !ip.isBlank() && !ip.contains(":")).findFirst();
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
