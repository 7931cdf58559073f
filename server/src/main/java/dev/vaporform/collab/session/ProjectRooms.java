package dev.vaporform.collab.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.collab.internal.ClusterBus;

/**
 * The events sockets of this node by project, and the fan-out of project events to them. Every
 * event goes over the {@link ClusterBus} channel {@code project:<id>}, so sockets on every node
 * get it; this node listens on a project's channel while it has a socket subscribed to it. An
 * event may name a user whose own sockets do not get it ({@code participant.joined} of oneself).
 */
@Component
class ProjectRooms implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectRooms.class);

    private record Room(Set<EventsConnection> sockets, ClusterBus.Subscription subscription) {}

    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final ClusterBus bus;
    private final Clock clock;

    ProjectRooms(ClusterBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    String nodeId() {
        return bus.nodeId();
    }

    /** @return whether the socket's user had no other socket in the project on this node */
    synchronized boolean add(UUID projectId, EventsConnection socket) {
        Room room = rooms.computeIfAbsent(projectId, id -> new Room(ConcurrentHashMap.newKeySet(),
                bus.subscribe(channel(id), message -> deliver(id, message))));
        boolean first = room.sockets().stream().noneMatch(s -> s.user().id().equals(socket.user().id()));
        room.sockets().add(socket);
        return first;
    }

    /** @return whether that was the user's last socket in the project on this node */
    synchronized boolean remove(UUID projectId, EventsConnection socket) {
        Room room = rooms.get(projectId);
        if (room == null || !room.sockets().remove(socket)) return false;
        boolean last = room.sockets().stream().noneMatch(s -> s.user().id().equals(socket.user().id()));
        if (room.sockets().isEmpty()) {
            rooms.remove(projectId);
            room.subscription().close();
        }
        return last;
    }

    /** @return the sockets subscribed to the project on this node */
    List<EventsConnection> sockets(UUID projectId) {
        Room room = rooms.get(projectId);
        return room == null ? List.of() : List.copyOf(room.sockets());
    }

    /** @return the projects with sockets on this node */
    Set<UUID> projects() {
        return Set.copyOf(rooms.keySet());
    }

    /** Sends an event to every socket subscribed to the project, on every node. */
    void publish(UUID projectId, ObjectNode frame, UUID exceptUser) {
        ObjectNode message = EventFrames.JSON.createObjectNode().put("n", bus.nodeId());
        if (exceptUser != null) message.put("x", exceptUser.toString());
        message.set("f", frame);
        bus.publish(channel(projectId), message.toString());
    }

    /** A new event frame of the project's, stamped now. */
    ObjectNode event(String type, UUID projectId) {
        return EventFrames.event(type, projectId, clock.instant());
    }

    private void deliver(UUID projectId, String text) {
        JsonNode message;
        try {
            message = EventFrames.JSON.readTree(text);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed project event");
            return;
        }
        String frame = message.path("f").toString();
        String except = message.path("x").asString(null);
        for (EventsConnection socket : sockets(projectId)) {
            if (except == null || !except.equals(socket.user().id().toString())) socket.send(frame);
        }
    }

    private static String channel(UUID projectId) {
        return "project:" + projectId;
    }

    @Override
    public void destroy() {
        rooms.values().forEach(r -> r.subscription().close());
    }
}
