package dev.vaporform.containers.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.vaporform.containers.internal.DevContainer.LifecycleCommand;
import dev.vaporform.containers.internal.DevContainer.LifecycleCommand.Step;

/** Parses the string, array and object forms of a devcontainer lifecycle command. */
final class LifecycleCommands {

    private LifecycleCommands() {}

    static LifecycleCommand parse(JsonNode node, String key, String location) {
        if (node == null || node.isNull()) return LifecycleCommand.NONE;
        if (node.isString()) return new LifecycleCommand(List.of(new Step(key, List.of("/bin/sh", "-c", node.asString()))));
        if (node.isArray()) return new LifecycleCommand(List.of(new Step(key, argv(node, key, location))));
        if (node.isObject()) {
            List<Step> steps = new ArrayList<>();
            for (var entry : node.properties()) {
                JsonNode value = entry.getValue();
                List<String> argv = value.isString() ? List.of("/bin/sh", "-c", value.asString()) : argv(value, key, location);
                steps.add(new Step(entry.getKey(), argv));
            }
            return new LifecycleCommand(List.copyOf(steps));
        }
        throw new WorkspaceProblems.InvalidDevContainer(location, key + " must be a string, an array or an object");
    }

    private static List<String> argv(JsonNode node, String key, String location) {
        if (!node.isArray() || node.isEmpty()) {
            throw new WorkspaceProblems.InvalidDevContainer(location, key + " must be a non-empty array of strings");
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode arg : node) {
            if (!arg.isString()) throw new WorkspaceProblems.InvalidDevContainer(location, key + " must contain only strings");
            argv.add(arg.asString());
        }
        return List.copyOf(argv);
    }
}
