package dev.vaporform.collab.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.vaporform.collab.internal.CollabProperties;
import dev.vaporform.platform.InvalidParameter;

/**
 * The chat of a project's live session. Anyone subscribed to the project may chat, viewers
 * included: chat is talk about the code, not a change to it. Messages are stored, then sent as
 * {@code chat.message} to every subscribed socket, the sender's own included (with the message
 * id, and the sender's {@code clientId} echoed, so a client that shows its message at once can
 * replace it rather than show it twice).
 */
@Service
class Chat {

    /** Refusals, as error-frame codes. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final ChatLog log;
    private final ProjectRooms rooms;
    private final LiveSessions sessions;
    private final CollabProperties properties;
    private final Clock clock;

    Chat(ChatLog log, ProjectRooms rooms, LiveSessions sessions, CollabProperties properties, Clock clock) {
        this.log = log;
        this.rooms = rooms;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores and sends a message. @throws Refused for an empty, too long or too frequent message */
    void say(EventsConnection from, UUID projectId, String text, String clientId) {
        if (text == null || text.isBlank()) throw new Refused("chat-empty", "A chat message needs text.");
        if (text.codePointCount(0, text.length()) > properties.chatMaxLength()) {
            throw new Refused("chat-too-long", "Chat messages are at most " + properties.chatMaxLength() + " characters.");
        }
        if (!from.chat.tryAcquire()) throw new Refused("chat-rate-limited", "Too many chat messages; wait a moment.");
        var message = new ChatLog.Message(UUID.randomUUID(), projectId, from.user().id(), text, clock.instant());
        log.add(message);
        var frame = EventFrames.event("chat.message", projectId, message.at()).put("id", message.id().toString())
                .put("userId", message.authorId().toString()).put("name", name(message.authorId())).put("text", text);
        if (clientId != null) frame.put("clientId", clientId.length() > 100 ? clientId.substring(0, 100) : clientId);
        rooms.publish(projectId, frame, null);
    }

    /** A page of history, newest first. {@code before} is an ISO-8601 time or a message id. */
    List<ChatView> history(UUID projectId, String before, int limit) {
        if (limit < 1 || limit > 200) throw new InvalidParameter("limit", "must be between 1 and 200");
        if (before == null || before.isBlank()) return views(log.before(projectId, null, null, limit));
        try {
            UUID id = UUID.fromString(before);
            Instant at = log.timeOf(projectId, id).orElseThrow(() -> new InvalidParameter("before", "names no message of this project"));
            return views(log.before(projectId, at, id, limit));
        } catch (IllegalArgumentException notAnId) {
            try {
                return views(log.before(projectId, Instant.parse(before), null, limit));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidParameter("before", "must be an ISO-8601 time or a message id");
            }
        }
    }

    /** A message as the API shows it. */
    record ChatView(UUID id, UUID userId, String name, String text, Instant at) {}

    private List<ChatView> views(List<ChatLog.Message> messages) {
        var names = sessions.participants(messages.stream().map(ChatLog.Message::authorId).distinct().toList());
        return messages.stream().map(m -> new ChatView(m.id(), m.authorId(),
                names.stream().filter(p -> p.userId().equals(m.authorId())).map(Participant::name).findFirst().orElse(null),
                m.text(), m.at())).toList();
    }

    private String name(UUID userId) {
        return sessions.participants(List.of(userId)).stream().map(Participant::name).findFirst().orElse(null);
    }
}
