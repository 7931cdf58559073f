package dev.vaporform.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removes the workspace containers of an earlier test run's projects. Their database is wiped
 * with the test home, so nothing would ever remove them, and on a developer's machine each run
 * left a few stopped containers behind (dozens after a day). Only containers labelled with a
 * project of that test home are touched: another installation's workspaces on the same engine
 * are never ours to remove.
 */
final class LeftoverWorkspaces {

    private static final String MANAGED_LABEL = "dev.vaporform.managed";
    private static final String PROJECT_LABEL = "dev.vaporform.project";

    private LeftoverWorkspaces() {}

    static void removeThoseOf(Path projectsDirectory) {
        Set<String> projects = projectIds(projectsDirectory);
        if (projects.isEmpty() || !DockerCondition.engineAnswers()) return;
        List<String> leftover = docker("ps", "-a", "--filter", "label=" + MANAGED_LABEL + "=true",
                "--format", "{{.ID}} {{.Label \"" + PROJECT_LABEL + "\"}}").stream()
                .map(line -> line.split(" ", 2))
                .filter(idAndProject -> idAndProject.length == 2 && projects.contains(idAndProject[1].trim()))
                .map(idAndProject -> idAndProject[0])
                .toList();
        if (leftover.isEmpty()) return;
        List<String> remove = new ArrayList<>(List.of("rm", "--force", "--volumes"));
        remove.addAll(leftover);
        docker(remove.toArray(String[]::new));
    }

    private static Set<String> projectIds(Path projectsDirectory) {
        if (!Files.isDirectory(projectsDirectory)) return Set.of();
        try (Stream<Path> entries = Files.list(projectsDirectory)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static List<String> docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) return List.of();
            return out.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of(); // no docker CLI: nothing of ours can be running either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
