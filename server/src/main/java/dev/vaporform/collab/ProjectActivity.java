package dev.vaporform.collab;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Something happened in a project that its live session should see, published by another
 * module with Spring's {@code ApplicationEventPublisher}: collab forwards it to every
 * {@code /ws/events} socket subscribed to the project as {@code {type, projectId, at, userId,
 * ...data}}. Not stored; a client that was not connected does not get it.
 *
 * <p>The AI module publishes {@code ai.edit} with data {@code {path, sessionId}} when it applies
 * an edit to a file (the edit itself reaches editors as ops).
 *
 * @param projectId the project
 * @param type      the frame type, lower-case words joined by dots and dashes ({@code ai.edit})
 * @param userId    who caused it, or null for the system
 * @param data      further fields of the frame (JSON-serialisable values); must not use the
 *                  names {@code type}, {@code projectId}, {@code at} or {@code userId}
 */
public record ProjectActivity(UUID projectId, String type, UUID userId, Map<String, Object> data) {

    private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.[a-z][a-z-]*)+");

    /** @throws IllegalArgumentException for a malformed type or a reserved field name */
    public ProjectActivity {
        Objects.requireNonNull(projectId, "projectId");
        if (type == null || !TYPE.matcher(type).matches()) throw new IllegalArgumentException("Invalid activity type: " + type);
        data = data == null ? Map.of() : Map.copyOf(data);
        for (String reserved : new String[]{"type", "projectId", "at", "userId"}) {
            if (data.containsKey(reserved)) throw new IllegalArgumentException("Reserved field in activity data: " + reserved);
        }
    }

    /** The activity of the AI module applying an edit to {@code path}. */
    public static ProjectActivity aiEdit(UUID projectId, UUID userId, String path, UUID aiSessionId) {
        return new ProjectActivity(projectId, "ai.edit", userId,
                aiSessionId == null ? Map.of("path", path) : Map.of("path", path, "sessionId", aiSessionId.toString()));
    }
}
