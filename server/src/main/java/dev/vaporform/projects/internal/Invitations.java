package dev.vaporform.projects.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.auth.UserDirectory;
import dev.vaporform.auth.UserSummary;
import dev.vaporform.platform.InvalidParameter;
import dev.vaporform.platform.PlatformProperties;
import dev.vaporform.platform.RateLimit;
import dev.vaporform.platform.RateLimiter;
import dev.vaporform.platform.TooManyRequests;
import dev.vaporform.projects.InvitationsChanged;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/**
 * Invitations: single-use links that make whoever signs in with the invited email a member.
 * Owners create, list and revoke them; the link's secret exists only in the answer to its
 * creation (the table holds its hash). A link never grants ownership, works once, for the named
 * email only, and until {@code invitation-lifetime}; deleting the project deletes its links.
 */
@Service
public class Invitations {

    private final ProjectRows projects;
    private final InvitationRows rows;
    private final ProjectAccess access;
    private final UserDirectory users;
    private final RateLimiter limiter;
    private final RateLimit perOwner;
    private final ProjectsProperties properties;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invitations(ProjectRows projects, InvitationRows rows, ProjectAccess access, UserDirectory users, RateLimiter limiter,
                ProjectsProperties properties, PlatformProperties platform, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.rows = rows;
        this.access = access;
        this.users = users;
        this.limiter = limiter;
        this.perOwner = new RateLimit("project-invitations", properties.invitationsPerHour(), java.time.Duration.ofHours(1));
        this.properties = properties;
        this.platform = platform;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a link for {@code email}; an earlier pending link for the same email stops working. */
    @Transactional
    public CreatedInvitation create(UUID callerId, UUID projectId, String rawEmail, ProjectRole role) {
        access.require(callerId, projectId, ProjectRole.owner);
        if (role == ProjectRole.owner) throw new InvalidParameter("role", "must be viewer or collaborator");
        limiter.tryConsume(perOwner, callerId.toString()).ifPresent(wait -> {
            throw new TooManyRequests("Too many invitations; try again later.", wait);
        });
        if (!projects.lock(projectId)) throw new ProjectNotFound();
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        if (isMember(projectId, email)) throw new ProjectProblems.AlreadyMember();
        rows.deletePending(projectId, email);
        String token = InvitationSecrets.generate();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.invitationLifetime());
        rows.insert(id, projectId, email, role, InvitationSecrets.hash(token), callerId, now, expiresAt);
        events.publishEvent(new InvitationsChanged(projectId));
        return new CreatedInvitation(id, email, role, link(token), expiresAt);
    }

    /** @return the project's pending invitations, without their links. Owners only. */
    public List<Invitation> list(UUID callerId, UUID projectId) {
        access.require(callerId, projectId, ProjectRole.owner);
        return rows.pending(projectId, clock.instant());
    }

    /** Revokes a pending invitation: its link stops working. Owners only. */
    @Transactional
    public void revoke(UUID callerId, UUID projectId, UUID invitationId) {
        access.require(callerId, projectId, ProjectRole.owner);
        if (!rows.deletePending(projectId, invitationId)) throw new ProjectProblems.InvitationNotFound();
        events.publishEvent(new InvitationsChanged(projectId));
    }

    /**
     * Makes the caller a member with the invited role, once. A link that is unknown, used,
     * expired, or names another email all answer the same 404, and the last case leaves the
     * link usable by the right person.
     */
    @Transactional
    public Project accept(UUID callerId, String token) {
        byte[] hash = InvitationSecrets.hash(token);
        var found = rows.find(hash, clock.instant()).orElseThrow(ProjectProblems.InvitationNotFound::new);
        UserSummary caller = users.findAll(List.of(callerId)).stream().findFirst().orElseThrow(ProjectProblems.InvitationNotFound::new);
        if (!caller.email().equalsIgnoreCase(found.email())) throw new ProjectProblems.InvitationNotFound();
        // The project's lock first, as deleting it takes it before its invitations: no deadlock.
        if (!projects.lock(found.projectId())) throw new ProjectProblems.InvitationNotFound();
        var invitation = rows.claim(hash, clock.instant()).orElseThrow(ProjectProblems.InvitationNotFound::new);
        // Already a member (added by email meanwhile): the link is used up, the role stays as it is.
        if (projects.roleOf(invitation.projectId(), callerId).isEmpty()) {
            projects.addMember(invitation.projectId(), callerId, invitation.role(), clock.instant());
        }
        rows.markAccepted(invitation.id(), callerId, clock.instant());
        events.publishEvent(new InvitationsChanged(invitation.projectId()));
        return projects.findForMember(invitation.projectId(), callerId).orElseThrow(ProjectNotFound::new);
    }

    private boolean isMember(UUID projectId, String email) {
        return users.findByEmail(email).flatMap(u -> projects.roleOf(projectId, u.id())).isPresent();
    }

    // The secret travels in the fragment, which browsers send to no server (no logs, no Referer).
    private String link(String token) {
        return platform.publicUrl().replaceAll("/+$", "") + "/#/invite/" + token;
    }
}
