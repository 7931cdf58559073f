package dev.vaporform.projects;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.vaporform.projects.internal.Collaborators;
import dev.vaporform.projects.internal.Projects;
import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The events other modules clean up on are published with the right ids. */
@RecordApplicationEvents
class ProjectEventsTests extends IntegrationTest {

    @Autowired Projects projects;
    @Autowired Collaborators collaborators;
    @Autowired ApplicationEvents events;

    @Test
    void removingAMemberPublishesCollaboratorRemovedAndDeletingPublishesProjectDeleted() {
        UUID owner = users.register(uniqueEmail("ev-owner")).id();
        var member = users.register(uniqueEmail("ev-member"));
        UUID projectId = projects.create(owner, "Events", null).id();
        collaborators.add(owner, projectId, member.email(), ProjectRole.collaborator);
        collaborators.changeRole(owner, projectId, member.id(), ProjectRole.viewer);
        collaborators.remove(owner, projectId, member.id());
        projects.delete(owner, projectId);

        assertThat(events.stream(CollaboratorRoleChanged.class))
                .containsExactly(new CollaboratorRoleChanged(projectId, member.id(), ProjectRole.viewer));
        assertThat(events.stream(CollaboratorRemoved.class)).containsExactly(new CollaboratorRemoved(projectId, member.id()));
        assertThat(events.stream(ProjectDeleted.class)).containsExactly(new ProjectDeleted(projectId));
    }
}
