package dev.vaporform.containers.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of {@link ImagePolicy} that the Docker-backed tests cannot vary (they share one configuration). */
class ImagePolicyTests {

    @Test
    void theRegistryOfAReferenceIsTheOneDockerWouldConnectTo() {
        assertThat(ImagePolicy.registryOf("ubuntu")).isEqualTo("docker.io");
        assertThat(ImagePolicy.registryOf("library/ubuntu:24.04")).isEqualTo("docker.io");
        assertThat(ImagePolicy.registryOf("index.docker.io/library/ubuntu")).isEqualTo("docker.io");
        assertThat(ImagePolicy.registryOf("Evil.Example:5000/x")).isEqualTo("evil.example:5000");
        assertThat(ImagePolicy.registryOf("10.0.0.1/img")).isEqualTo("10.0.0.1");
        assertThat(ImagePolicy.registryOf("localhost/img")).isEqualTo("localhost");
    }

    @Test
    void rejectsNamesOutsideTheAllowedPrefixesAndLetsTheDefaultImageThrough() {
        var policy = policy(Map.of("vaporform.containers.allowed-images", "ghcr.io/acme/,vaporform/"));
        assertThat(policy.choose(DevContainer.defaults())).isEqualTo("vaporform/workspace:bookworm");
        assertThat(policy.choose(withImage("ghcr.io/acme/tool:1"))).isEqualTo("ghcr.io/acme/tool:1");
        assertThatThrownBy(() -> policy.choose(withImage("ghcr.io/other/tool:1")))
                .isInstanceOf(WorkspaceProblems.ImageNotAllowed.class).hasMessageContaining("ghcr.io/acme/, vaporform/");
    }

    @Test
    void pullsOnlyFromConfiguredRegistriesWhateverTheSpelling() {
        var never = policy(Map.of());
        assertThatThrownBy(() -> never.requirePullable("ubuntu")).hasMessageContaining("does not pull images");
        var hub = policy(Map.of("vaporform.containers.pull-registries", "https://Registry-1.Docker.io/,ghcr.io"));
        assertThatCode(() -> hub.requirePullable("ubuntu:24.04")).doesNotThrowAnyException();
        assertThatCode(() -> hub.requirePullable("ghcr.io/acme/tool")).doesNotThrowAnyException();
        assertThatThrownBy(() -> hub.requirePullable("ghcr.io.evil.example/acme/tool"))
                .isInstanceOf(WorkspaceProblems.ImageNotAllowed.class).hasMessageContaining("only from https://Registry-1.Docker.io/, ghcr.io");
    }

    private static ImagePolicy policy(Map<String, String> settings) {
        var properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("vaporform.containers", ContainersProperties.class);
        return new ImagePolicy(properties);
    }

    private static DevContainer withImage(String image) {
        var d = DevContainer.defaults();
        return new DevContainer(".devcontainer/devcontainer.json", image, d.containerEnv(), d.remoteEnv(), null, null,
                d.workspaceFolder(), List.of(), d.onCreate(), d.postCreate(), d.postStart(), List.of());
    }
}
