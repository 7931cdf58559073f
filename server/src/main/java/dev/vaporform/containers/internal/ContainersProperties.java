package dev.vaporform.containers.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of workspaces ({@code vaporform.containers.*}).
 *
 * @param dockerHost        Docker Engine address; blank = {@code DOCKER_HOST} or the local socket
 * @param defaultImage      image of projects without a devcontainer.json image
 * @param allowedImages     image name prefixes a devcontainer.json may name; empty = any image the
 *                          Docker host already has
 * @param pullRegistries    registries a missing image may be pulled from ({@code docker.io},
 *                          {@code ghcr.io}, {@code registry.example:5000}); empty = never pull, so
 *                          the Docker host never connects where a devcontainer.json says
 * @param allowRoot         whether a workspace may run as root (uid 0); off, devcontainer.json
 *                          naming root is refused and an image whose user is root runs as
 *                          {@code unprivilegedUser}
 * @param unprivilegedUser  {@code uid:gid} a workspace runs as when its image's user is root and
 *                          devcontainer.json names no other (both numbers: a bare uid unknown to
 *                          the image would get group 0); 1000, like the default image's user and
 *                          the server image's, so a non-root server's files stay writable
 * @param memory            memory limit per workspace (swap is not added)
 * @param cpus              CPU limit per workspace
 * @param pidsLimit         processes per workspace (a fork bomb stops here)
 * @param capabilities      the only Linux capabilities kept; all others are dropped
 * @param network           {@code none} (the default): workspaces have loopback only, so nothing
 *                          in them reaches the host, the API's internal address, other
 *                          workspaces or the cloud metadata address. Any other name: a bridge
 *                          network created on demand with inter-container traffic disabled —
 *                          isolation then relies on Docker's iptables rules, and blocking
 *                          169.254.169.254 and internal services is the host firewall's job
 * @param networkEgress     for a named network: whether it may reach outside (not internal)
 * @param idleTimeout       a workspace without activity this long is stopped
 * @param maxRunningPerUser running workspaces one user may have started
 * @param stopTimeout       how long a stop waits before killing
 * @param dockerTimeout     timeout of one Docker API call
 * @param execOutputLimit   stdout and stderr kept per exec (each), beyond that {@code truncated}
 * @param execMaxTimeout    the longest {@code timeoutSeconds} an exec may ask for
 * @param terminalReplay    recent terminal output kept for a reconnecting browser
 * @param lifecycleTimeout  how long devcontainer lifecycle commands may run
 * @param pullTimeout       how long pulling a missing image may take
 * @param workspaceTokenTtl lifetime of a workspace's credential (the token in its runtime
 *                          directory's {@code token} file); the server rotates it at half-life,
 *                          and the previous one works until its own expiry
 * @param serverUrlForWorkspaces where a workspace on a named network reaches the API
 *                          ({@code VAPORFORM_URL}); blank = {@code http://<the network's gateway>:<the
 *                          server's port>}, which needs the server to listen on that address. With
 *                          network {@code none} nothing inside can reach the server, so no URL and
 *                          no credential are given
 * @param terminalRevalidateInterval how often open terminals re-check that their user is still
 *                          signed in (session alive, API token not deleted or expired) and may
 *                          still use terminals in the project: the safety net for what no event
 *                          announces (an expiry) or a node missed (Redis away)
 * @param writableLayerSize most bytes a workspace may write outside /workspace (its container's
 *                          writable layer: /home, /tmp, ...); unset = not limited. Docker applies
 *                          it only with overlay2 on xfs mounted with {@code pquota}; on any other
 *                          engine a start with it set fails, saying so, rather than run unlimited
 */
@Validated
@ConfigurationProperties("vaporform.containers")
public record ContainersProperties(
        @DefaultValue("") String dockerHost,
        @DefaultValue("vaporform/workspace:bookworm") String defaultImage,
        @DefaultValue List<String> allowedImages,
        @DefaultValue List<String> pullRegistries,
        @DefaultValue("false") boolean allowRoot,
        @DefaultValue("1000:1000") @Pattern(regexp = "[1-9][0-9]*:[1-9][0-9]*", message = "must be uid:gid, neither 0")
        String unprivilegedUser,
        @DefaultValue("2GB") DataSize memory,
        @DefaultValue("1.0") @DecimalMin("0.1") @DecimalMax("64") double cpus,
        @DefaultValue("512") @Min(16) long pidsLimit,
        @DefaultValue({"CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"}) List<String> capabilities,
        @DefaultValue("none") String network,
        @DefaultValue("false") boolean networkEgress,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("3") @Min(1) int maxRunningPerUser,
        @DefaultValue("10s") Duration stopTimeout,
        @DefaultValue("30s") Duration dockerTimeout,
        @DefaultValue("1MB") DataSize execOutputLimit,
        @DefaultValue("10m") Duration execMaxTimeout,
        @DefaultValue("64KB") DataSize terminalReplay,
        @DefaultValue("10m") Duration lifecycleTimeout,
        @DefaultValue("10m") Duration pullTimeout,
        @DefaultValue("1h") @DurationMin(seconds = 10) Duration workspaceTokenTtl,
        @DefaultValue("") String serverUrlForWorkspaces,
        @DefaultValue("60s") Duration terminalRevalidateInterval,
        DataSize writableLayerSize) {}
