package dev.vaporform.platform;

import java.util.Optional;

/**
 * One-time tickets that let a browser open a WebSocket, since browsers cannot set headers on
 * the upgrade. A ticket is issued to an authenticated caller, lives 30 seconds and works once.
 */
public interface RealtimeTickets {

    /** @return a fresh ticket standing for the caller */
    String issue(AuthenticatedUser caller);

    /** @return the caller the ticket was issued to, if it exists and has not expired; it is spent either way */
    Optional<AuthenticatedUser> redeem(String ticket);
}
