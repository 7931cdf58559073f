package dev.vaporform.ai.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.ai.internal.store.AiSessions;
import dev.vaporform.ai.internal.store.AiUsage;
import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;

/** What the AI routes read: sessions, their messages, the caller's usage. Like every AI route, 503 without a provider. */
@Service
public class AiReads {

    public record SessionView(UUID id, UUID userId, String title, Instant createdAt, Instant updatedAt) {}

    public record MessageView(String role, String content, String path, JsonNode edits, Long inputTokens, Long outputTokens, Instant createdAt) {}

    public record SessionDetail(UUID id, UUID userId, String title, Instant createdAt, Instant updatedAt, List<MessageView> messages) {}

    public record UsageView(long inputTokens, long outputTokens, long budget, long remaining) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AiModel model;
    private final AiSessions sessions;
    private final AiUsage usage;
    private final AiProperties properties;

    AiReads(AiModel model, AiSessions sessions, AiUsage usage, AiProperties properties) {
        this.model = model;
        this.sessions = sessions;
        this.usage = usage;
        this.properties = properties;
    }

    public Page<SessionView> sessions(UUID projectId, PageRequest page) {
        model.require();
        var items = sessions.list(projectId, page.page(), page.size()).stream().map(AiReads::view).toList();
        return new Page<>(items, page.page(), page.size(), sessions.count(projectId));
    }

    public SessionDetail session(UUID projectId, UUID sessionId) {
        model.require();
        var s = sessions.find(projectId, sessionId).orElseThrow(AiProblems.SessionNotFound::new);
        var messages = sessions.messages(sessionId).stream()
                .map(m -> new MessageView(m.role(), m.content(), m.path(), m.edits() == null ? null : JSON.readTree(m.edits()),
                        m.inputTokens(), m.outputTokens(), m.createdAt()))
                .toList();
        return new SessionDetail(s.id(), s.userId(), s.title(), s.createdAt(), s.updatedAt(), messages);
    }

    public UsageView usage(UUID userId) {
        model.require();
        var today = usage.today(userId);
        long budget = properties.dailyTokens();
        return new UsageView(today.inputTokens(), today.outputTokens(), budget, Math.max(0, budget - today.total()));
    }

    private static SessionView view(AiSessions.Summary s) {
        return new SessionView(s.id(), s.userId(), s.title(), s.createdAt(), s.updatedAt());
    }
}
