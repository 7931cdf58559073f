package dev.vaporform.collab.internal;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What nodes tell each other about a live document on its {@link ClusterBus} channel: a
 * committed op ({@code t: "op"}) or a presence frame ({@code t: "p"}), each with the sending
 * node's id ({@code n}) so it skips its own.
 */
final class NodeMessages {

    private NodeMessages() {}

    static String channel(DocumentKey key) {
        return "doc:" + key.projectId() + ":" + key.path();
    }

    static String op(String node, CommittedOp op) {
        ObjectNode message = Json.object().put("n", node).put("t", "op").put("v", op.version())
                .put("src", op.src()).put("seq", op.seq()).put("op", op.storedJson());
        if (op.authorId() != null) message.put("a", op.authorId().toString());
        return message.toString();
    }

    static String presence(String node, ObjectNode frame) {
        ObjectNode message = Json.object().put("n", node).put("t", "p");
        message.set("f", frame);
        return message.toString();
    }

    static JsonNode read(String message) {
        return Json.read(message);
    }

    static CommittedOp committedOp(JsonNode message) {
        String author = message.path("a").asString(null);
        return CommittedOp.fromStored(message.path("v").asLong(), message.path("src").asString(), message.path("seq").asLong(),
                message.path("op").asString(), author == null ? null : UUID.fromString(author));
    }
}
