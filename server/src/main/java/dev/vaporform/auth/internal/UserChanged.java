package dev.vaporform.auth.internal;

import java.util.UUID;

/** A user's role, active flag or session generation changed; cached copies must go. */
record UserChanged(UUID userId) {}
