package dev.vaporform.projects.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vaporform.auth.UserDirectory;
import dev.vaporform.auth.UserSummary;
import dev.vaporform.projects.CollaboratorRemoved;
import dev.vaporform.projects.CollaboratorRoleChanged;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectNotFound;
import dev.vaporform.projects.ProjectRole;

/**
 * Members of a project. Owners add, re-role and remove members; any member may leave. A project
 * never ends up without an owner: the project row is locked while the owner count is checked.
 */
@Service
public class Collaborators {

    private final ProjectRows rows;
    private final ProjectAccess access;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Collaborators(ProjectRows rows, ProjectAccess access, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public List<Collaborator> list(UUID callerId, UUID projectId) {
        access.require(callerId, projectId, ProjectRole.viewer);
        List<Member> members = rows.members(projectId);
        Map<UUID, UserSummary> byId = users.findAll(members.stream().map(Member::userId).toList()).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return members.stream().filter(m -> byId.containsKey(m.userId()))
                .map(m -> of(byId.get(m.userId()), m.role())).toList();
    }

    @Transactional
    public Collaborator add(UUID callerId, UUID projectId, String email, ProjectRole role) {
        access.require(callerId, projectId, ProjectRole.owner);
        lock(projectId);
        UserSummary user = users.findByEmail(email).orElseThrow(ProjectProblems.NoSuchUser::new);
        if (rows.roleOf(projectId, user.id()).isPresent()) throw new ProjectProblems.AlreadyMember();
        rows.addMember(projectId, user.id(), role, clock.instant());
        return of(user, role);
    }

    @Transactional
    public Collaborator changeRole(UUID callerId, UUID projectId, UUID memberId, ProjectRole role) {
        access.require(callerId, projectId, ProjectRole.owner);
        lock(projectId);
        ProjectRole current = rows.roleOf(projectId, memberId).orElseThrow(ProjectProblems.NoSuchMember::new);
        if (current == ProjectRole.owner && role != ProjectRole.owner && rows.countOwners(projectId) <= 1) {
            throw new ProjectProblems.LastOwner();
        }
        rows.setRole(projectId, memberId, role);
        if (current != role) events.publishEvent(new CollaboratorRoleChanged(projectId, memberId, role));
        UserSummary user = users.findAll(List.of(memberId)).stream().findFirst().orElseThrow(ProjectProblems.NoSuchMember::new);
        return of(user, role);
    }

    /** Removes a member: owners may remove anyone, every member may remove themself (leave). */
    @Transactional
    public void remove(UUID callerId, UUID projectId, UUID memberId) {
        if (!callerId.equals(memberId)) access.require(callerId, projectId, ProjectRole.owner);
        else access.require(callerId, projectId, ProjectRole.viewer);
        lock(projectId);
        ProjectRole current = rows.roleOf(projectId, memberId).orElseThrow(ProjectProblems.NoSuchMember::new);
        if (current == ProjectRole.owner && rows.countOwners(projectId) <= 1) throw new ProjectProblems.LastOwner();
        rows.removeMember(projectId, memberId);
        events.publishEvent(new CollaboratorRemoved(projectId, memberId));
    }

    private void lock(UUID projectId) {
        if (!rows.lock(projectId)) throw new ProjectNotFound();
    }

    private static Collaborator of(UserSummary user, ProjectRole role) {
        return new Collaborator(user.id(), user.email(), user.name(), role);
    }
}
