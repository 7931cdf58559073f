package dev.vaporform.collab.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.ot.TextUnicode;

/** Builds the server's ShareDB frames, field for field as ShareDB 7 sends them. */
final class Frames {

    static final String JSON0 = "http://sharejs.org/types/JSONv0";

    private Frames() {}

    /**
     * {@code init} or {@code hs}: the client insists on json0 as the announced default type. Vaporform
     * adds {@code limits} (ShareDB ignores it): the largest frame and document in bytes, so the IDE
     * splits a large edit into ops that fit and refuses one too large before sending it.
     */
    static String handshake(String action, String src, long maxMessageSize, long maxDocumentSize) {
        ObjectNode frame = Json.object().put("a", action).put("protocol", 1).put("protocolMinor", 2)
                .put("id", src).put("type", JSON0);
        frame.putObject("limits").put("maxMessageSize", maxMessageSize).put("maxDocumentSize", maxDocumentSize);
        return frame.toString();
    }

    static String op(DocumentKey key, CommittedOp op) {
        ObjectNode frame = Json.object().put("a", "op").put("c", key.collection()).put("d", key.path())
                .put("v", op.version()).put("src", op.src()).put("seq", op.seq());
        if (op.isCreate()) {
            frame.putObject("create").put("type", TextUnicode.URI).put("data", op.createText());
        } else {
            frame.set("op", Json.MAPPER.valueToTree(op.op().toJsonValue()));
        }
        return frame.toString();
    }

    static String ack(DocumentKey key, String src, long seq, long version) {
        return Json.object().put("src", src).put("seq", seq).put("v", version).put("a", "op")
                .put("c", key.collection()).put("d", key.path()).toString();
    }

    /** A snapshot as ShareDB's {@code getSnapshotData} gives it; a document never created has type null. */
    static ObjectNode snapshot(long version, String text) {
        ObjectNode data = Json.object().put("v", version);
        if (text == null) {
            data.putNull("type");
        } else {
            data.put("data", text).put("type", TextUnicode.URI);
        }
        return data;
    }

    static String reply(String action, DocumentKey key, ObjectNode data) {
        ObjectNode frame = Json.object();
        if (data != null) frame.set("data", data);
        return frame.put("a", action).put("c", key.collection()).put("d", key.path()).toString();
    }

    /** The request echoed with {@code error: {code, message}}, as ShareDB's {@code Agent._reply} does. */
    static String error(JsonNode request, ShareDbError error) {
        ObjectNode echo = request instanceof ObjectNode object ? object.deepCopy() : Json.object();
        echo.putObject("error").put("code", error.code()).put("message", error.getMessage());
        return echo.toString();
    }
}
