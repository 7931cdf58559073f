package dev.vaporform.collab.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.vaporform.auth.UserDirectory;
import dev.vaporform.auth.UserSummary;

/**
 * Who is in each project's live session. A user is a participant while they have at least one
 * {@code /ws/events} socket subscribed to the project, on any node (collaboration sockets do not
 * count: they are per document, and the IDE opens an events socket for the project anyway). The
 * first socket of a user makes them join ({@code participant.joined} to the others), the last
 * one closed makes them leave ({@code participant.left}); the session ends when the last
 * participant leaves.
 */
@Service
class LiveSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final SessionStore store;
    private final ProjectRooms rooms;
    private final UserDirectory users;
    private volatile boolean alive;

    LiveSessions(SessionStore store, ProjectRooms rooms, UserDirectory users) {
        this.store = store;
        this.rooms = rooms;
        this.users = users;
    }

    /** Subscribes the socket; @return the session it joined */
    SessionStore.LiveSession subscribe(UUID projectId, EventsConnection socket) {
        heartbeatOnce();
        boolean firstHere = rooms.add(projectId, socket);
        SessionStore.LiveSession session = store.open(projectId);
        if (firstHere && store.join(session.id(), socket.user().id(), rooms.nodeId())) {
            var joined = rooms.event("participant.joined", projectId).put("sessionId", session.id().toString());
            Participant who = participants(List.of(socket.user().id())).getFirst();
            joined.put("userId", who.userId().toString()).put("name", who.name()).put("email", who.email());
            rooms.publish(projectId, joined, socket.user().id());
        }
        return session;
    }

    /** Unsubscribes the socket; the user leaves when it was their last one. */
    void unsubscribe(UUID projectId, EventsConnection socket) {
        if (!rooms.remove(projectId, socket)) return;
        store.current(projectId).ifPresent(session -> {
            if (store.leave(session.id(), socket.user().id(), rooms.nodeId())) {
                rooms.publish(projectId, rooms.event("participant.left", projectId).put("sessionId", session.id().toString())
                        .put("userId", socket.user().id().toString()), socket.user().id());
            }
            store.endIfEmpty(session.id());
        });
    }

    /** @return who is in the session now, on any live node */
    List<Participant> participantsOf(UUID sessionId) {
        return participants(store.participants(sessionId));
    }

    /** @return the users, named, in the order given (unknown ones left out) */
    List<Participant> participants(List<UUID> ids) {
        Map<UUID, UserSummary> known = users.findAll(ids).stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return ids.stream().filter(known::containsKey).map(known::get).map(u -> new Participant(u.id(), u.name(), u.email())).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
    void heartbeat() {
        try {
            store.heartbeat(rooms.nodeId());
            alive = true;
        } catch (RuntimeException e) {
            log.warn("Session heartbeat failed: {}", e.getMessage());
        }
    }

    private void heartbeatOnce() {
        if (!alive) heartbeat();
    }

    @Override
    public void destroy() {
        try {
            store.forgetNode(rooms.nodeId());
        } catch (RuntimeException e) {
            log.debug("Could not forget this node's participants at shutdown", e);
        }
    }
}
