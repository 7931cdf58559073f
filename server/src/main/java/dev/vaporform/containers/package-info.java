/**
 * Owns workspaces: one hardened Docker container per project with the project's files at
 * {@code /workspace}, its lifecycle, exec, terminals, logs, devcontainer.json, idle stop and
 * reconciliation with what Docker actually runs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Containers", allowedDependencies = {"platform", "auth", "projects", "files"})
package dev.vaporform.containers;
