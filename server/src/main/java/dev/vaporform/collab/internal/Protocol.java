package dev.vaporform.collab.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.vaporform.containers.WorkspaceActivity;
import dev.vaporform.files.InvalidPath;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.platform.ProblemException;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * ShareDB protocol 1.2 on one connection: validates each request as ShareDB's
 * {@code Agent._checkRequest} does, checks the caller's role (viewer to read, collaborator to
 * write) and hands document work to the document's authority. Errors echo the request with
 * ShareDB's error codes; reading a project one may not see closes the socket (1008). What one
 * connection may hold is bounded (documents, presences and their size, ids per bulk request),
 * and a presence id is its sender's: {@code <user id>.<anything>}, so receivers can tell whose
 * cursor it is from the id alone.
 */
@Component
class Protocol {

    private static final Logger log = LoggerFactory.getLogger(Protocol.class);
    private static final Set<String> DANGEROUS = Set.of("__proto__", "constructor", "prototype");

    private final Documents documents;
    private final ProjectAccess access;
    private final WorkspaceActivity activity;
    private final ClientIds clientIds;
    private final CollabProperties properties;
    private final Clock clock;
    private final BulkRequests bulk;
    private final ProjectFiles files;

    Protocol(Documents documents, ProjectAccess access, WorkspaceActivity activity, ClientIds clientIds,
             CollabProperties properties, Clock clock, ProjectFiles files) {
        this.files = files;
        this.documents = documents;
        this.access = access;
        this.activity = activity;
        this.clientIds = clientIds;
        this.properties = properties;
        this.clock = clock;
        this.bulk = new BulkRequests(this, documents, properties);
    }

    /** A frame that is not a ShareDB request at all: an error, then the caller closes. */
    static String policyFrame(String code, String message) {
        ObjectNode frame = Json.object();
        frame.putObject("error").put("code", code).put("message", message);
        return frame.toString();
    }

    void handle(CollabConnection connection, ObjectNode request) {
        try {
            dispatch(connection, request);
        } catch (ShareDbError e) {
            connection.send(Frames.error(request, e));
        } catch (ProblemException refused) {
            refuseRead(connection, request, refused);
        }
    }

    private void dispatch(CollabConnection connection, ObjectNode request) {
        String action = request.path("a").asString("");
        switch (action) {
            case "hs" -> handshake(connection, request);
            case "s", "f" -> subscribe(connection, request, action.equals("s"));
            case "u" -> unsubscribe(connection, request);
            case "bs", "bf", "bu" -> bulk.handle(connection, request, action);
            case "op" -> submit(connection, request);
            case "p" -> presence(connection, request);
            case "ps", "pu", "pr" -> presenceChannel(connection, request, action);
            case "pp" -> connection.send(Json.object().put("a", "pp").toString());
            default -> throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid or unknown message");
        }
    }

    private void handshake(CollabConnection connection, ObjectNode request) {
        JsonNode id = request.get("id");
        // ShareDB's client sends hs twice on connect; a previous id is honoured only for its own user.
        if (id != null && id.isString() && clientIds.belongsTo(id.asString(), connection.user().id())) connection.src(id.asString());
        connection.send(Frames.handshake("hs", connection.src(), properties.maxMessageSize().toBytes(), files.maxFileSize()));
    }

    private void subscribe(CollabConnection connection, ObjectNode request, boolean keep) {
        DocumentKey key = key(request);
        Long version = OpRequest.version(request.get("v"));
        requireRole(connection, key.projectId(), ProjectRole.viewer);
        if (keep) hold(connection, List.of(key));
        String action = request.path("a").asString();
        onDocument(connection, request, key, a -> connection.send(Frames.reply(action, key, a.subscribe(connection, version, keep))));
    }

    private void unsubscribe(CollabConnection connection, ObjectNode request) {
        DocumentKey key = key(request);
        letGo(connection, key, a -> a.unsubscribe(connection), () -> connection.send(Frames.reply("u", key, null)));
    }

    /** Takes the documents on for the connection, or refuses the whole request (see {@link CollabConnection#hold}). */
    void hold(CollabConnection connection, Collection<DocumentKey> keys) {
        if (!connection.hold(keys)) {
            throw new ShareDbError(ShareDbError.TOO_MANY_SUBSCRIPTIONS, "This connection holds the most documents allowed ("
                    + properties.maxDocumentsPerConnection() + "); close some first.");
        }
    }

    /**
     * Runs {@code work} where the document is live (which releases it; elsewhere nothing holds
     * it), then {@code then}: a reply sent so comes after the connection's place was given back.
     */
    void letGo(CollabConnection connection, DocumentKey key, java.util.function.Consumer<DocumentAuthority> work, Runnable then) {
        if (documents.isLive(key)) {
            documents.run(key, a -> {
                work.accept(a);
                then.run();
            });
        } else {
            connection.documents.remove(key);
            then.run();
        }
    }

    private void submit(CollabConnection connection, ObjectNode request) {
        DocumentKey key = key(request);
        Submission submission = OpRequest.parse(request, connection);
        try {
            requireRole(connection, key.projectId(), ProjectRole.collaborator);
        } catch (ProblemException refused) {
            if (refused.status().value() == 404) throw refused;
            throw new ShareDbError(ShareDbError.REJECTED, refused.code() + ": " + refused.getMessage());
        }
        activity.touch(key.projectId());
        onDocument(connection, request, key, a -> a.submit(submission));
    }

    private void presence(CollabConnection connection, ObjectNode request) {
        JsonNode id = request.get("id");
        if (id == null || !id.isString() || DANGEROUS.contains(id.asString())) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid presence ID");
        if (!request.path("pv").isNumber()) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid presence version");
        DocumentKey key = key(request);
        if (!key.channel().equals(request.path("ch").asString(""))) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid presence channel");
        OpRequest.version(request.get("v"));
        requireRole(connection, key.projectId(), ProjectRole.viewer);
        requireOwnPresenceId(connection, id.asString());
        requireSmallPresence(request);
        hold(connection, List.of(key));
        ObjectNode frame = request.deepCopy();
        frame.put("src", connection.src());
        onDocument(connection, request, key, a -> connection.send(a.updatePresence(connection, frame).toString()));
    }

    /**
     * The IDE labels a cursor with the name of the user its id starts with, so nobody may send a
     * presence under another user's id (and clear or replace theirs).
     */
    private static void requireOwnPresenceId(CollabConnection connection, String id) {
        String prefix = connection.user().id() + ".";
        if (id.length() <= prefix.length() || !id.startsWith(prefix)) {
            throw new ShareDbError(ShareDbError.PRESENCE_ID_NOT_OWNED, "A presence id is your user id, a dot and a name of your choice: " + prefix + "…");
        }
    }

    private void requireSmallPresence(ObjectNode request) {
        JsonNode value = request.get("p");
        if (value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= properties.maxPresenceSize().toBytes()) return;
        request.remove("p"); // the refusal is not worth echoing the value back
        throw new ShareDbError(ShareDbError.PRESENCE_TOO_LARGE, "A presence value may be at most " + properties.maxPresenceSize() + " serialized.");
    }

    private void presenceChannel(CollabConnection connection, ObjectNode request, String action) {
        DocumentKey key = channelKey(request.path("ch").asString(""));
        ObjectNode reply = Json.object().put("ch", request.path("ch").asString()).put("a", action);
        if (request.has("seq")) reply.set("seq", request.get("seq"));
        if (action.equals("pu")) {
            letGo(connection, key, a -> a.stopListeningToPresence(connection), () -> connection.send(reply.toString()));
            return;
        }
        requireRole(connection, key.projectId(), ProjectRole.viewer);
        hold(connection, List.of(key));
        if (action.equals("ps")) connection.send(reply.toString());
        onDocument(connection, request, key, a -> a.listenToPresence(connection));
    }

    /** Runs document work on its queue; a refusal there is echoed to the requester. */
    void onDocument(CollabConnection connection, ObjectNode request, DocumentKey key, java.util.function.Consumer<DocumentAuthority> work) {
        documents.run(key, a -> {
            try {
                work.accept(a);
            } catch (ShareDbError e) {
                connection.send(Frames.error(request, e));
            } catch (RuntimeException e) {
                log.error("Collaboration request on {} failed", key.path(), e);
                connection.send(Frames.error(request, new ShareDbError(ShareDbError.UNKNOWN, "Internal error")));
            }
        });
    }

    /** Needs the role now; a fresh answer is cached for {@code access-cache-ttl} (events clear it). */
    void requireRole(CollabConnection connection, UUID projectId, ProjectRole minimum) {
        Instant now = clock.instant();
        ProjectRole cached = connection.cachedRole(projectId, now);
        if (cached != null && cached.atLeast(minimum)) return;
        var membership = access.require(connection.user().id(), projectId, minimum);
        connection.rememberRole(projectId, membership.role(), now.plus(properties.accessCacheTtl()));
    }

    private void refuseRead(CollabConnection connection, ObjectNode request, ProblemException refused) {
        log.info("Collaboration read refused: {}", refused.code());
        ObjectNode echo = request.deepCopy();
        echo.putObject("error").put("code", ShareDbError.READS_REJECTED).put("message", refused.code() + ": " + refused.getMessage());
        connection.refuse(echo.toString(), CloseStatus.POLICY_VIOLATION.withReason(refused.code()));
    }

    DocumentKey key(JsonNode request) {
        return key(request.path("c").asString(null), request.path("d").asString(null));
    }

    static DocumentKey key(String collection, String id) {
        if (collection == null || DANGEROUS.contains(collection)) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid collection");
        if (id == null || DANGEROUS.contains(id)) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid id");
        UUID projectId;
        try {
            projectId = UUID.fromString(collection);
        } catch (IllegalArgumentException e) {
            throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid collection: collections are project ids");
        }
        try {
            if (!ProjectPath.of(id).value().equals(id)) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid id: use the canonical path");
        } catch (InvalidPath e) {
            throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid id: " + e.getMessage());
        }
        return new DocumentKey(projectId, id);
    }

    private static DocumentKey channelKey(String channel) {
        int dot = channel.indexOf('.');
        if (dot < 0) throw new ShareDbError(ShareDbError.BADLY_FORMED, "Invalid presence channel");
        return key(channel.substring(0, dot), channel.substring(dot + 1));
    }
}
