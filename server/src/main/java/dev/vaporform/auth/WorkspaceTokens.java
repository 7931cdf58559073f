package dev.vaporform.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The credentials of workspaces: short-lived secrets that make the security chain see the
 * workspace of one project (a principal of its own, confined to that project's file routes),
 * acting for the user who started it. The containers module decides when they exist: it issues
 * one when a workspace that can reach the server starts, rotates it before it expires, and
 * revokes them all when the workspace stops or the project's membership changes.
 */
public interface WorkspaceTokens {

    /**
     * Issues one more credential for the project's workspace; earlier ones stay valid until their
     * own expiry (revoke them first for a clean slate).
     *
     * @param startedBy the user the workspace acts for
     * @param lifetime  how long the new credential is valid
     * @return the secret, never stored by the server
     */
    String issue(UUID projectId, UUID startedBy, Duration lifetime);

    /** Deletes every credential of the project's workspace, at once. */
    void revoke(UUID projectId);

    /** @return when the project's newest credential that has not yet expired was issued; empty when it has none */
    Optional<Instant> newestIssuedAt(UUID projectId);

    /** Deletes the credentials of every workspace that are past their expiry (they no longer work anyway). */
    void deleteExpired();
}
