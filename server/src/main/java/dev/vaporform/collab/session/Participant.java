package dev.vaporform.collab.session;

import java.util.UUID;

/** A user in a live session as the API shows them. */
record Participant(UUID userId, String name, String email) {}
