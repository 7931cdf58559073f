package dev.vaporform.collab.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.ot.Selection;
import dev.vaporform.ot.TextUnicode;

/**
 * The presences (cursors and selections) of one document and who listens to them. Confined to
 * the document's authority. A presence behind the document's committed version is transformed
 * through the ops it missed (while the history still has them) before it is passed on, so every
 * receiver gets it at the version it has. This node's presences go to the other nodes on the
 * document's {@link ClusterBus} channel, their clearing on leave included.
 */
final class PresenceRoom {

    private final DocumentKey key;
    private final OpHistory history;
    private final ClusterBus bus;
    private final Set<CollabConnection> listeners = new LinkedHashSet<>();
    /** Latest presence per (connection, presence id), already transformed to its {@code v}. */
    private final Map<String, Stored> latest = new LinkedHashMap<>();

    private record Stored(CollabConnection owner, ObjectNode frame) {}

    PresenceRoom(DocumentKey key, OpHistory history, ClusterBus bus) {
        this.key = key;
        this.history = history;
        this.bus = bus;
    }

    /** Starts sending the connection every presence, and sends it everybody else's now. */
    void listen(CollabConnection connection, long committedVersion) {
        listeners.add(connection);
        connection.documents.add(key);
        replay(connection, committedVersion);
    }

    void stopListening(CollabConnection connection) {
        listeners.remove(connection);
    }

    /** @return whether the connection listens here or has a presence here */
    boolean holds(CollabConnection connection) {
        return listeners.contains(connection) || latest.values().stream().anyMatch(s -> s.owner() == connection);
    }

    /** @return whether no client of this node listens or is present (other nodes' presences do not count) */
    boolean isEmpty() {
        return listeners.isEmpty() && latest.values().stream().allMatch(s -> s.owner() == null);
    }

    /**
     * Stores a presence (or its removal, {@code p: null}), sends it to every other listener and
     * to the other nodes. The sender is remembered as present, so its presence is cleared when it
     * leaves. A new presence beyond the connection's {@code max-presences-per-connection} is
     * refused and goes to nobody; clearing one makes room.
     *
     * @return the frame as sent, for the reply to the sender
     */
    ObjectNode update(CollabConnection from, ObjectNode frame, long committedVersion) {
        ObjectNode current = atCommittedVersion(frame, frame.path("v").asLong(committedVersion), committedVersion);
        String slot = from.id() + "\u0000" + frame.path("id").asString();
        if (current.get("p") == null || current.get("p").isNull()) {
            if (latest.remove(slot) != null) from.dropPresence();
        } else {
            if (!latest.containsKey(slot) && !from.takePresence()) {
                throw new ShareDbError(ShareDbError.TOO_MANY_PRESENCES, "This connection holds the most presences allowed; clear one first.");
            }
            latest.put(slot, new Stored(from, current));
        }
        from.documents.add(key);
        String text = current.toString();
        listeners.stream().filter(l -> l != from).forEach(l -> l.send(text));
        publish(current);
        return current;
    }

    private void replay(CollabConnection to, long committedVersion) {
        latest.values().stream().filter(s -> s.owner() != to).forEach(s -> {
            ObjectNode frame = atCommittedVersion(s.frame(), s.frame().path("v").asLong(), committedVersion);
            to.send(frame.toString());
        });
    }

    /**
     * A presence of a client on another node ({@code src} names it): stored and passed on like
     * a local one. Such presences are cleared when that node says so ({@code p: null}).
     */
    void updateRemote(ObjectNode frame, long committedVersion) {
        ObjectNode current = atCommittedVersion(frame, frame.path("v").asLong(committedVersion), committedVersion);
        String slot = "remote\u0000" + frame.path("src").asString() + "\u0000" + frame.path("id").asString();
        if (current.get("p") == null || current.get("p").isNull()) {
            latest.remove(slot);
        } else {
            latest.put(slot, new Stored(null, current));
        }
        String text = current.toString();
        listeners.forEach(l -> l.send(text));
    }

    /** The connection left: its presences are cleared for everyone else, on every node. */
    void leave(CollabConnection connection, long committedVersion) {
        listeners.remove(connection);
        var gone = latest.entrySet().stream().filter(e -> e.getValue().owner() == connection).toList();
        List<ObjectNode> sent = new ArrayList<>();
        for (var entry : gone) {
            latest.remove(entry.getKey());
            connection.dropPresence();
            ObjectNode cleared = entry.getValue().frame().deepCopy();
            cleared.putNull("p");
            cleared.put("v", committedVersion);
            cleared.put("pv", cleared.path("pv").asLong() + 1);
            String text = cleared.toString();
            listeners.forEach(l -> l.send(text));
            sent.add(cleared);
        }
        sent.forEach(this::publish);
    }

    private void publish(ObjectNode frame) {
        bus.publish(NodeMessages.channel(key), NodeMessages.presence(bus.nodeId(), frame));
    }

    /**
     * A copy of a presence at version {@code v}, transformed to {@code committedVersion} through
     * the ops it missed; left at {@code v} when it missed none, or when they are older than the
     * history keeps.
     */
    private ObjectNode atCommittedVersion(ObjectNode frame, long v, long committedVersion) {
        if (v >= committedVersion || v < history.oldestStored()) return frame.deepCopy();
        return transform(frame, history.committed(v, committedVersion), committedVersion);
    }

    private static ObjectNode transform(ObjectNode frame, List<CommittedOp> missed, long version) {
        ObjectNode copy = frame.deepCopy();
        long v = frame.path("v").asLong(version);
        if (v >= version) return copy;
        JsonNode p = frame.get("p");
        if (p == null || p.isNull()) return copy.put("v", version);
        for (CommittedOp op : missed) {
            if (op.isCreate()) throw new ShareDbError(ShareDbError.PRESENCE_TRANSFORM_FAILED, "The presence predates the document.");
            p = transformValue(p, op);
        }
        copy.set("p", p);
        return copy.put("v", version);
    }

    private static JsonNode transformValue(JsonNode p, CommittedOp op) {
        if (p.isIntegralNumber()) return Json.MAPPER.getNodeFactory().numberNode(TextUnicode.transformPosition(p.asInt(), op.op()));
        if (p.isArray() && p.size() == 2 && p.get(0).isIntegralNumber() && p.get(1).isIntegralNumber()) {
            Selection s = TextUnicode.transformSelection(new Selection(p.get(0).asInt(), p.get(1).asInt()), op.op());
            return Json.MAPPER.getNodeFactory().arrayNode().add(s.anchor()).add(s.focus());
        }
        throw new ShareDbError(ShareDbError.PRESENCE_TRANSFORM_FAILED, "A text-unicode presence is a position or [anchor, focus].");
    }
}
