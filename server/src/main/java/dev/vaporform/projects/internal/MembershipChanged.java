package dev.vaporform.projects.internal;

import java.util.UUID;

/** A user's role on a project changed, was given or was taken away (the project deleted); within the module. */
record MembershipChanged(UUID projectId, UUID userId) {}
