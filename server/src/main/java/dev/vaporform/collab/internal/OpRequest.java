package dev.vaporform.collab.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.ot.InvalidOpException;
import dev.vaporform.ot.Op;
import dev.vaporform.ot.TextUnicode;

/** Reads a client's {@code op} message into a {@link Submission}, checking it as ShareDB's {@code ot.checkOp} does. */
final class OpRequest {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private OpRequest() {}

    /** @throws ShareDbError naming what is wrong with the message */
    static Submission parse(JsonNode request, CollabConnection from) {
        long seq = positiveInteger(request.get("seq"), "seq");
        if (seq >= MAX_SAFE_INTEGER) throw new ShareDbError(ShareDbError.SEQ_OVERFLOW, "Connection seq has exceeded the max safe integer.");
        Long version = version(request.get("v"));
        JsonNode create = request.get("create");
        JsonNode op = request.get("op");
        boolean delete = request.has("del");
        if ((create != null ? 1 : 0) + (op != null ? 1 : 0) + (delete ? 1 : 0) != 1) {
            throw new ShareDbError(ShareDbError.OP_BADLY_FORMED, "An op message has exactly one of create, op and del.");
        }
        if (delete) throw new ShareDbError(ShareDbError.REJECTED, "Documents are deleted by deleting the file.");
        // The client's own src field is ignored: the server decides who submitted (no posing as another).
        if (create != null) return new Submission(from, from.src(), seq, version, null, createText(create), from.user().id(), 0, null);
        try {
            return new Submission(from, from.src(), seq, version, Op.fromJsonValue(Json.MAPPER.treeToValue(op, Object.class)), null, from.user().id(), 0, null);
        } catch (IllegalArgumentException e) { // InvalidOpException, or a value Jackson cannot map
            throw new ShareDbError(ShareDbError.OP_BADLY_FORMED, "Invalid text-unicode op: " + e.getMessage());
        }
    }

    private static String createText(JsonNode create) {
        if (!create.isObject() || !TextUnicode.URI.equals(create.path("type").asString(null))
                && !TextUnicode.NAME.equals(create.path("type").asString(null))) {
            throw new ShareDbError(ShareDbError.TYPE_NOT_RECOGNIZED, "Documents are of type " + TextUnicode.URI + ".");
        }
        JsonNode data = create.get("data");
        if (data == null || data.isNull()) return "";
        if (!data.isString()) throw new ShareDbError(ShareDbError.OP_BADLY_FORMED, "A text-unicode document's data is a string.");
        return data.asString();
    }

    /** @return the version, or null when absent; @throws ShareDbError when not a non-negative integer */
    static Long version(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || v.asLong() < 0) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid version");
        return v.asLong();
    }

    private static long positiveInteger(JsonNode node, String name) {
        if (node == null || !node.isIntegralNumber() || node.asLong() < 1) {
            throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid " + name);
        }
        return node.asLong();
    }

    /** The request a submission came from, for an error reply after a retry. */
    static ObjectNode echo(DocumentKey key, Submission submission) {
        ObjectNode request = Json.object().put("a", "op").put("c", key.collection()).put("d", key.path())
                .put("seq", submission.seq()).put("src", submission.src());
        if (submission.baseVersion() != null) request.put("v", submission.baseVersion());
        if (submission.isCreate()) {
            request.putObject("create").put("type", TextUnicode.URI).put("data", submission.createText());
        } else {
            request.set("op", Json.MAPPER.valueToTree(submission.op().toJsonValue()));
        }
        return request;
    }
}
