package dev.vaporform.collab.internal;

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
 * the document's authority. A presence behind the document's version is transformed through the
 * ops it missed before it is passed on, so every receiver gets it at the version it has.
 */
final class PresenceRoom {

    private final Set<CollabConnection> listeners = new LinkedHashSet<>();
    /** Latest presence per (connection, presence id), already transformed to its {@code v}. */
    private final Map<String, Stored> latest = new LinkedHashMap<>();

    private record Stored(CollabConnection owner, ObjectNode frame) {}

    void listen(CollabConnection connection) {
        listeners.add(connection);
    }

    void stopListening(CollabConnection connection) {
        listeners.remove(connection);
    }

    /** @return whether no client of this node listens or is present (other nodes' presences do not count) */
    boolean isEmpty() {
        return listeners.isEmpty() && latest.values().stream().allMatch(s -> s.owner() == null);
    }

    /**
     * Stores a presence (or its removal, {@code p: null}) and sends it to every other listener.
     *
     * @param history the committed ops from the presence's {@code v} to {@code version}
     * @return the frame as sent, for the reply to the sender
     */
    ObjectNode update(CollabConnection from, ObjectNode frame, List<CommittedOp> history, long version) {
        ObjectNode current = transform(frame, history, version);
        String key = from.id() + "\u0000" + frame.path("id").asString();
        if (current.get("p") == null || current.get("p").isNull()) {
            latest.remove(key);
        } else {
            latest.put(key, new Stored(from, current));
        }
        String text = current.toString();
        listeners.stream().filter(l -> l != from).forEach(l -> l.send(text));
        return current;
    }

    /** Sends a new listener everybody else's presence, brought to {@code version}. */
    void replay(CollabConnection to, java.util.function.LongFunction<List<CommittedOp>> opsSince, long version) {
        latest.values().stream().filter(s -> s.owner() != to).forEach(s -> {
            ObjectNode frame = transform(s.frame(), opsSince.apply(s.frame().path("v").asLong()), version);
            to.send(frame.toString());
        });
    }

    /**
     * A presence of a client on another node ({@code src} names it): stored and passed on like
     * a local one. Such presences are cleared when that node says so ({@code p: null}).
     */
    void updateRemote(ObjectNode frame, List<CommittedOp> history, long version) {
        ObjectNode current = transform(frame, history, version);
        String key = "remote\u0000" + frame.path("src").asString() + "\u0000" + frame.path("id").asString();
        if (current.get("p") == null || current.get("p").isNull()) {
            latest.remove(key);
        } else {
            latest.put(key, new Stored(null, current));
        }
        String text = current.toString();
        listeners.forEach(l -> l.send(text));
    }

    /** The connection left: its presences are cleared for everyone else. @return the clearing frames sent */
    List<ObjectNode> leave(CollabConnection connection, long version) {
        listeners.remove(connection);
        var gone = latest.entrySet().stream().filter(e -> e.getValue().owner() == connection).toList();
        List<ObjectNode> sent = new java.util.ArrayList<>();
        for (var entry : gone) {
            latest.remove(entry.getKey());
            ObjectNode cleared = entry.getValue().frame().deepCopy();
            cleared.putNull("p");
            cleared.put("v", version);
            cleared.put("pv", cleared.path("pv").asLong() + 1);
            String text = cleared.toString();
            listeners.forEach(l -> l.send(text));
            sent.add(cleared);
        }
        return sent;
    }

    private static ObjectNode transform(ObjectNode frame, List<CommittedOp> history, long version) {
        ObjectNode copy = frame.deepCopy();
        long v = frame.path("v").asLong(version);
        if (v >= version || history == null) return copy;
        JsonNode p = frame.get("p");
        if (p == null || p.isNull()) return copy.put("v", version);
        for (CommittedOp op : history) {
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
