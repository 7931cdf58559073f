package dev.vaporform.platform;

import java.util.UUID;

/**
 * Who made the current request, as established by the security chain after checking that the
 * token is still valid. Controllers take it with {@code @AuthenticationPrincipal AuthenticatedUser
 * caller}.
 *
 * <p>A request comes either from a {@linkplain Kind#person person} (an access JWT or a personal
 * API token) or from a {@linkplain Kind#workspace workspace} (the credential the server keeps in
 * a workspace's token file). A workspace is its own, least-powerful principal: the security chain
 * lets it call only the file routes of its own project and refuses everything else before any
 * controller runs; it is never an admin and has no sign-in session. It acts on behalf of the user
 * who started it: {@link #id()} is that user, so its file rights are bounded by that user's role
 * (the projects module requires them to still be at least collaborator) and the file versions it
 * writes are attributed to them.
 *
 * @param kind         a person, or a workspace
 * @param id           the person; for a workspace, the user who started it
 * @param email        that user's email (normalised to lower case)
 * @param admin        whether a person has the installation-wide admin role; never for a workspace
 * @param sessionId    the sign-in session (refresh-token family) an access token belongs to; null
 *                     for API tokens and workspaces
 * @param projectScope for a workspace, its project; null for a person
 * @param apiTokenId   the API token (personal or workspace) the caller presented, directly or
 *                     through a realtime ticket taken with it, so that a socket opened with it
 *                     closes when the token is deleted or expires; null for access tokens
 */
public record AuthenticatedUser(Kind kind, UUID id, String email, boolean admin, UUID sessionId, UUID projectScope, UUID apiTokenId) {

    /** What kind of principal made the request. */
    public enum Kind {
        /** a user, through an access token or a personal API token */
        person,
        /** a workspace, through the credential in its token file */
        workspace
    }

    public AuthenticatedUser {
        if (kind == null || id == null) throw new IllegalArgumentException("a principal needs a kind and a user");
        if (kind == Kind.workspace && (projectScope == null || admin || sessionId != null)) {
            throw new IllegalArgumentException("a workspace has a project, and neither admin rights nor a session");
        }
        if (kind == Kind.person && projectScope != null) throw new IllegalArgumentException("a person has no project scope");
    }

    /** @return a user signed in with an access token ({@code sessionId} set) or a personal API token ({@code apiTokenId} set) */
    public static AuthenticatedUser person(UUID id, String email, boolean admin, UUID sessionId, UUID apiTokenId) {
        return new AuthenticatedUser(Kind.person, id, email, admin, sessionId, null, apiTokenId);
    }

    /** @return the workspace of {@code projectId}, acting for the user who started it */
    public static AuthenticatedUser forWorkspace(UUID projectId, UUID startedBy, String starterEmail, UUID tokenId) {
        return new AuthenticatedUser(Kind.workspace, startedBy, starterEmail, false, null, projectId, tokenId);
    }

    /** @return whether this is a workspace rather than a person */
    public boolean workspace() {
        return kind == Kind.workspace;
    }
}
