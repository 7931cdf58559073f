package dev.vaporform.containers.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Which images a workspace may use. A devcontainer.json is written by a tenant, and an image
 * reference names a registry host that the Docker host would connect to; so the reference must
 * be well-formed, within {@code allowed-images} when that is set, and, when the Docker host
 * lacks it, from one of the {@code pull-registries} (none by default: nothing is ever pulled).
 */
@Component
class ImagePolicy {

    // Docker's reference grammar (distribution/reference): [domain/]path[:tag][@digest].
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
    private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile("(?:" + DOMAIN + "/)?" + PATH_PART + "(?:/" + PATH_PART + ")*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
    private static final String DOCKER_HUB = "docker.io";
    private static final List<String> DOCKER_HUB_ALIASES = List.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private final ContainersProperties properties;

    ImagePolicy(ContainersProperties properties) {
        this.properties = properties;
    }

    /**
     * @return the image of a project: devcontainer.json's, or the installation's default
     * @throws WorkspaceProblems.ImageNotAllowed when devcontainer.json names an image it may not
     */
    String choose(DevContainer config) {
        if (config.image() == null) return properties.defaultImage();
        String image = config.image();
        if (image.length() > 255 || !REFERENCE.matcher(image).matches()) {
            throw new WorkspaceProblems.ImageNotAllowed(image, "it is not a valid image reference.");
        }
        List<String> prefixes = properties.allowedImages();
        if (!prefixes.isEmpty() && prefixes.stream().noneMatch(image::startsWith)) {
            throw new WorkspaceProblems.ImageNotAllowed(image, "this installation allows only images starting with "
                    + String.join(", ", prefixes) + ".");
        }
        return image;
    }

    /** @throws WorkspaceProblems.ImageNotAllowed unless an image the Docker host lacks may be pulled */
    void requirePullable(String image) {
        String registry = registryOf(image);
        boolean configured = properties.pullRegistries().stream().map(ImagePolicy::normalize).anyMatch(registry::equals);
        if (configured) return;
        throw new WorkspaceProblems.ImageNotAllowed(image, properties.pullRegistries().isEmpty()
                ? "it is not on this installation's Docker host, and this installation does not pull images."
                : "it is not on this installation's Docker host, and this installation pulls images only from "
                        + String.join(", ", properties.pullRegistries()) + ".");
    }

    /** @return the registry an image reference is pulled from, as Docker decides it (lower case) */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) return DOCKER_HUB;
        String first = image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? normalize(first) : DOCKER_HUB;
    }

    private static String normalize(String registry) {
        String lower = registry.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        while (lower.endsWith("/")) lower = lower.substring(0, lower.length() - 1);
        return DOCKER_HUB_ALIASES.contains(lower) ? DOCKER_HUB : lower;
    }
}
