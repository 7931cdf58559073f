package dev.vaporform.containers;

/** Where a project's workspace is in its life, as API.md names the states. */
public enum WorkspaceStatus {
    none, creating, starting, running, stopping, stopped, failed
}
