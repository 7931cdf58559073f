package dev.vaporform.projects;

import java.util.UUID;

/**
 * A project's pending invitations changed (one created, revoked or accepted): the owners' open
 * member lists should reload. Published once, on the node that made the change.
 */
public record InvitationsChanged(UUID projectId) {}
