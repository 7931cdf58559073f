package dev.vaporform.collab.internal;

/**
 * A refusal sent back to a ShareDB client: the request is echoed with
 * {@code error: {code, message}}, using ShareDB's own codes so the real client reacts as it
 * would to ShareDB (rollback, refetch).
 */
final class ShareDbError extends RuntimeException {

    static final String BADLY_FORMED = "ERR_MESSAGE_BADLY_FORMED";
    static final String OP_BADLY_FORMED = "ERR_OT_OP_BADLY_FORMED";
    static final String OP_NOT_APPLIED = "ERR_OT_OP_NOT_APPLIED";
    static final String NEWER_VERSION = "ERR_OP_VERSION_NEWER_THAN_CURRENT_SNAPSHOT";
    static final String OPS_NOT_FOUND = "ERR_SUBMIT_TRANSFORM_OPS_NOT_FOUND";
    static final String ALREADY_CREATED = "ERR_DOC_ALREADY_CREATED";
    static final String DOES_NOT_EXIST = "ERR_DOC_DOES_NOT_EXIST";
    static final String TYPE_NOT_RECOGNIZED = "ERR_DOC_TYPE_NOT_RECOGNIZED";
    static final String REJECTED = "ERR_OP_SUBMIT_REJECTED";
    static final String READS_REJECTED = "ERR_SNAPSHOT_READS_REJECTED";
    static final String RETRIES_EXCEEDED = "ERR_MAX_SUBMIT_RETRIES_EXCEEDED";
    static final String PROTOCOL = "ERR_PROTOCOL_VERSION_NOT_SUPPORTED";
    static final String SEQ_OVERFLOW = "ERR_CONNECTION_SEQ_INTEGER_OVERFLOW";
    static final String PRESENCE_TRANSFORM_FAILED = "ERR_PRESENCE_TRANSFORM_FAILED";
    static final String UNKNOWN = "ERR_UNKNOWN_ERROR";
    // Vaporform's own refusals, in ShareDB's style: the bounds of one connection and whose presence is whose.
    static final String PRESENCE_TOO_LARGE = "ERR_PRESENCE_TOO_LARGE";
    static final String TOO_MANY_PRESENCES = "ERR_TOO_MANY_PRESENCES";
    static final String PRESENCE_ID_NOT_OWNED = "ERR_PRESENCE_ID_NOT_OWNED";
    static final String BULK_TOO_LARGE = "ERR_BULK_TOO_LARGE";
    static final String TOO_MANY_SUBSCRIPTIONS = "ERR_TOO_MANY_SUBSCRIPTIONS";
    /** An op that would make the document larger than a file may be ({@code max-file-size}). */
    static final String DOC_TOO_LARGE = "ERR_DOC_TOO_LARGE";

    private final String code;

    ShareDbError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
