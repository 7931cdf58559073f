package dev.vaporform.collab.internal;

import java.util.UUID;

import dev.vaporform.ot.Op;

/**
 * One op of a document's history at {@code version} (it turned version v into v+1), as
 * transformed by the authority. A create (version 0) has {@code createText} and no op.
 *
 * @param src      the connection id that submitted it ("" for server ops: disk changes)
 * @param seq      the submitter's sequence number (0 for server ops)
 * @param authorId the user, or null for server ops
 */
record CommittedOp(long version, String src, long seq, Op op, String createText, UUID authorId) {

    boolean isCreate() {
        return createText != null;
    }

    /** @return what the op column stores: the op's JSON, or {@code {"create": text}} */
    String storedJson() {
        return isCreate() ? Json.write(java.util.Map.of("create", createText)) : op.toJson();
    }

    static CommittedOp fromStored(long version, String src, long seq, String json, UUID authorId) {
        if (json.startsWith("{")) {
            return new CommittedOp(version, src, seq, null, Json.read(json).path("create").asString(), authorId);
        }
        return new CommittedOp(version, src, seq, Op.fromJson(json), null, authorId);
    }
}
