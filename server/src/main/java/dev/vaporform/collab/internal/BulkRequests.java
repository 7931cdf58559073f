package dev.vaporform.collab.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.projects.ProjectRole;

/**
 * {@code bs}, {@code bf} and {@code bu}: several documents of one collection at once. {@code b}
 * is a list of ids (snapshots wanted) or a map of id to known version (missed ops wanted). The
 * reply comes after every document's ops were sent. A request with more than
 * {@code max-bulk-documents} ids is refused before any is looked at, and a {@code bs} that would
 * take the connection over {@code max-documents-per-connection} before any is loaded.
 */
final class BulkRequests {

    private final Protocol protocol;
    private final Documents documents;
    private final int maxIds;

    BulkRequests(Protocol protocol, Documents documents, CollabProperties properties) {
        this.protocol = protocol;
        this.documents = documents;
        this.maxIds = properties.maxBulkDocuments();
    }

    void handle(CollabConnection connection, ObjectNode request, String action) {
        String collection = request.path("c").asString(null);
        JsonNode b = request.get("b");
        if (b != null && b.size() > maxIds) {
            throw new ShareDbError(ShareDbError.BULK_TOO_LARGE, "A bulk request may name at most " + maxIds + " documents.");
        }
        Map<String, Long> versions = versions(b);
        List<DocumentKey> keys = new ArrayList<>();
        for (String id : versions.keySet()) keys.add(Protocol.key(collection, id));
        if (action.equals("bu")) {
            keys.forEach(k -> protocol.letGo(connection, k, a -> a.unsubscribe(connection), () -> {}));
            connection.send(Json.object().put("a", "bu").put("c", collection).set("b", request.get("b")).toString());
            return;
        }
        if (!keys.isEmpty()) protocol.requireRole(connection, keys.getFirst().projectId(), ProjectRole.viewer);
        boolean keep = action.equals("bs");
        if (keep) protocol.hold(connection, keys);
        Map<String, CompletableFuture<ObjectNode>> snapshots = new LinkedHashMap<>();
        for (DocumentKey key : keys) {
            var future = new CompletableFuture<ObjectNode>();
            snapshots.put(key.path(), future);
            documents.run(key, a -> {
                try {
                    future.complete(a.subscribe(connection, versions.get(key.path()), keep));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
        }
        CompletableFuture.allOf(snapshots.values().toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                var cause = error.getCause() instanceof ShareDbError e ? e : new ShareDbError(ShareDbError.UNKNOWN, "Internal error");
                connection.send(Frames.error(request, cause));
                return;
            }
            ObjectNode reply = Json.object();
            ObjectNode data = Json.object();
            snapshots.forEach((id, f) -> {
                if (f.join() != null) data.set(id, f.join());
            });
            if (!data.isEmpty()) reply.set("data", data);
            else reply.set("b", request.get("b"));
            connection.send(reply.put("a", action).put("c", collection).toString());
        });
    }

    private static Map<String, Long> versions(JsonNode b) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (b != null && b.isArray()) {
            for (JsonNode id : b) {
                if (!id.isString()) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid id");
                versions.put(id.asString(), null);
            }
        } else if (b != null && b.isObject()) {
            for (var entry : b.properties()) versions.put(entry.getKey(), OpRequest.version(entry.getValue()));
        } else {
            throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid bulk request: b is a list or a map of ids");
        }
        return versions;
    }
}
