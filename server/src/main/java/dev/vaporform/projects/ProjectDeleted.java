package dev.vaporform.projects;

import java.util.UUID;

/** A project was deleted; its files, workspace, documents and AI history must go too. */
public record ProjectDeleted(UUID projectId) {}
