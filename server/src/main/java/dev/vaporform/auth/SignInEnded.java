package dev.vaporform.auth;

import java.util.UUID;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.NodeWideEvent;

/**
 * Callers who authenticated before now with some credential no longer may: live connections
 * that stand for one of them close ({@code 1008 session-ended}). Published by the auth module
 * once per change and delivered on every node ({@link NodeWideEvent}), so a listener only closes
 * what its node holds.
 */
public sealed interface SignInEnded extends NodeWideEvent permits UserSessionsEnded, SignInSessionEnded, ApiTokenDeleted {

    /** @return whose sign-in ended */
    UUID userId();

    /** @return why, for messages and logs: {@code logout}, {@code logout-all}, {@code api-token-deleted}, … */
    String reason();

    /** @return whether a connection authenticated as {@code caller} must close */
    boolean endsSignInOf(AuthenticatedUser caller);
}
