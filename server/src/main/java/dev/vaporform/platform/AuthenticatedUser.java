package dev.vaporform.platform;

import java.util.UUID;

/**
 * Who made the current request, as established by the security chain after checking that the
 * user is active and the token still valid. Controllers take it with
 * {@code @AuthenticationPrincipal AuthenticatedUser caller}.
 *
 * @param id        the user's id
 * @param email     the user's email (normalised to lower case)
 * @param admin     whether the user has the installation-wide admin role
 * @param sessionId    the sign-in session (refresh-token family) the access token belongs to;
 *                     null for API tokens
 * @param projectScope for a workspace token, the only project it may touch (the security chain
 *                     refuses every route outside {@code /api/projects/<projectScope>}); else null
 * @param apiTokenId   the API token (personal or workspace) the caller presented, directly or
 *                     through a realtime ticket taken with it, so that a socket opened with it
 *                     closes when the token is deleted or expires; null for access tokens
 */
public record AuthenticatedUser(UUID id, String email, boolean admin, UUID sessionId, UUID projectScope, UUID apiTokenId) {}
