package dev.vaporform.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users;

/**
 * A listener that fails leaves its event publication incomplete in PostgreSQL, and the event is
 * handed to it again until it completes; the other listeners of the event are not
 * affected and the project is gone for its users at once.
 */
class EventRetryTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedListenerIsRetriedUntilItsPublicationCompletes() {
        var owner = users.register(uniqueEmail("events-owner"));
        UUID project = deleteProjectWhoseDeletionTheListener(FlakyProjectDeletedListener.FAIL_ONCE, owner);
        assertThat(http.get("/api/projects/" + project).bearer(owner.accessToken()).send().status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(project) >= 1);
        assertThat(incomplete(project)).as("the failure is recorded, not lost").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(project) == 0);
        assertThat(deliveries(project)).isEqualTo(2);
    }

    @Test
    void aListenerStillAtWorkIsNotHandedItsEventAgain() {
        UUID project = deleteProjectWhoseDeletionTheListener(FlakyProjectDeletedListener.SLOW, users.register(uniqueEmail("events-owner")));

        // The delivery outlasts the retry age (2 s in tests) several times over; only failures are retried.
        await().atMost(FlakyProjectDeletedListener.SLOWNESS.plusSeconds(15)).until(() -> deliveries(project) >= 1 && incomplete(project) == 0);
        assertThat(deliveries(project)).as("one delivery, not one per retry pass").isEqualTo(1);
    }

    /** Creates a project, names it in the listener's {@code treatment} (fail once, be slow), deletes it. */
    private UUID deleteProjectWhoseDeletionTheListener(Set<UUID> treatment, Users.Session owner) {
        UUID project = UUID.fromString(http.post("/api/projects", Map.of("name", "Events")).bearer(owner.accessToken()).send().text("id"));
        treatment.add(project);
        assertThat(http.delete("/api/projects/" + project).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        return project;
    }

    private static int deliveries(UUID project) {
        var count = FlakyProjectDeletedListener.DELIVERIES.get(project);
        return count == null ? 0 : count.get();
    }

    private long incomplete(UUID project) {
        return jdbc.sql("""
                select count(*) from event_publication
                where completion_date is null and listener_id like '%FlakyProjectDeletedListener%' and serialized_event like ?""")
                .param("%" + project + "%").query(Long.class).single();
    }
}
