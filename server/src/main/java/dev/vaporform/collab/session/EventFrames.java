package dev.vaporform.collab.session;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON frames of {@code /ws/events}: every server frame is {@code {type, projectId, at, ...}}. */
final class EventFrames {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFrames() {}

    static ObjectNode event(String type, UUID projectId, Instant at) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        if (projectId != null) frame.put("projectId", projectId.toString());
        return frame.put("at", at.toString());
    }

    /** {@code {type: "error", code, message}} (with the projectId the request named, if any). */
    static String error(String code, String message, UUID projectId) {
        ObjectNode frame = JSON.createObjectNode().put("type", "error").put("code", code).put("message", message);
        if (projectId != null) frame.put("projectId", projectId.toString());
        return frame.toString();
    }
}
