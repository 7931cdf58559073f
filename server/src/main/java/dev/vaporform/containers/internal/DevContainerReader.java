package dev.vaporform.containers.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileTooLarge;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.UnsafeLink;

/**
 * Reads {@code .devcontainer/devcontainer.json} or {@code .devcontainer.json} (JSON with
 * comments and trailing commas, as the spec allows) through the files module, so a link is never followed.
 */
@Component
class DevContainerReader {

    static final List<String> LOCATIONS = List.of(".devcontainer/devcontainer.json", ".devcontainer.json");
    /** Keys that would let a project weaken its own isolation or run code on the host. */
    static final Set<String> REFUSED = Set.of("privileged", "runArgs", "mounts", "capAdd", "securityOpt",
            "initializeCommand", "workspaceMount", "appPort", "dockerComposeFile", "build");
    private static final int MAX_BYTES = 256 * 1024;

    private final ProjectFiles files;
    private final JsonMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    DevContainerReader(ProjectFiles files) {
        this.files = files;
    }

    /** @return the project's devcontainer settings, read through the files module (never through a link), or the defaults */
    DevContainer read(UUID projectId) {
        for (String location : LOCATIONS) {
            byte[] content;
            try {
                content = files.read(projectId, location).bytes();
            } catch (FileNotFound | PathConflict absent) {
                continue;
            } catch (UnsafeLink | FileTooLarge refused) {
                throw new WorkspaceProblems.InvalidDevContainer(location, refused instanceof UnsafeLink
                        ? "it is a symbolic link, which the server does not follow" : "it is larger than 256 KB");
            }
            return parse(location, content);
        }
        return DevContainer.defaults();
    }

    private DevContainer parse(String location, byte[] content) {
        JsonNode root;
        try {
            if (content.length > MAX_BYTES) throw new WorkspaceProblems.InvalidDevContainer(location, "it is larger than 256 KB");
            root = json.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            if (e instanceof WorkspaceProblems.InvalidDevContainer invalid) throw invalid;
            throw new WorkspaceProblems.InvalidDevContainer(location, "it is not JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        if (!root.isObject()) throw new WorkspaceProblems.InvalidDevContainer(location, "the top level must be an object");
        List<String> refused = new ArrayList<>();
        root.propertyNames().forEach(key -> { if (REFUSED.contains(key)) refused.add(key); });
        String folder = text(root, "workspaceFolder", location);
        return new DevContainer(location, text(root, "image", location), strings(root, "containerEnv", location),
                strings(root, "remoteEnv", location), text(root, "containerUser", location), text(root, "remoteUser", location),
                folder == null ? DevContainer.WORKSPACE : folder, ports(root, location),
                LifecycleCommands.parse(root.get("onCreateCommand"), "onCreateCommand", location),
                LifecycleCommands.parse(root.get("postCreateCommand"), "postCreateCommand", location),
                LifecycleCommands.parse(root.get("postStartCommand"), "postStartCommand", location),
                List.copyOf(refused));
    }

    private static String text(JsonNode root, String key, String location) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) return null;
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > 500) {
            throw new WorkspaceProblems.InvalidDevContainer(location, key + " must be a non-empty string");
        }
        return node.asString();
    }

    private static Map<String, String> strings(JsonNode root, String key, String location) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) throw new WorkspaceProblems.InvalidDevContainer(location, key + " must be an object of strings");
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString() || !entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new WorkspaceProblems.InvalidDevContainer(location, key + "." + entry.getKey() + " must be a string variable");
            }
            values.put(entry.getKey(), entry.getValue().asString());
        }
        return values;
    }

    private static List<String> ports(JsonNode root, String location) {
        JsonNode node = root.get("forwardPorts");
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new WorkspaceProblems.InvalidDevContainer(location, "forwardPorts must be an array");
        List<String> ports = new ArrayList<>();
        for (JsonNode port : node) {
            boolean number = port.isInt() && port.asInt() >= 0 && port.asInt() <= 65535;
            boolean hostPort = port.isString() && port.asString().matches("[a-z0-9-]+:\\d{1,5}");
            if (!number && !hostPort) throw new WorkspaceProblems.InvalidDevContainer(location, "forwardPorts has an invalid port " + port);
            ports.add(port.isInt() ? Integer.toString(port.asInt()) : port.asString());
        }
        return List.copyOf(ports);
    }

}
