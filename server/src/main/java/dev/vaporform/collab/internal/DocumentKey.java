package dev.vaporform.collab.internal;

import java.util.UUID;

/**
 * A live document: ShareDB's collection is the project id and the document id the file's
 * canonical path.
 */
public record DocumentKey(UUID projectId, String path) {

    /** @return ShareDB's collection name for this document */
    public String collection() {
        return projectId.toString();
    }

    /** @return the presence channel ShareDB's client uses for this document ({@code c.d}) */
    public String channel() {
        return projectId + "." + path;
    }
}
