package dev.vaporform.collab.session;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.PlatformProperties;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * Live sessions and chat history over HTTP; all of them need viewer.
 * <ul>
 *   <li>{@code POST /api/projects/{id}/sessions} → 201 {@code {sessionId, startedAt, collabUrl, eventsUrl}}:
 *       the project's open session (one is opened if none is; it ends 90 s later if nobody joins);</li>
 *   <li>{@code GET /api/projects/{id}/sessions} → {@code {items: [{sessionId, startedAt, participants: [{userId, name, email}]}]}}
 *       (at most one item: a project has one live session);</li>
 *   <li>{@code GET /api/projects/{id}/chat?before=&limit=} → {@code {items: [{id, userId, name, text, at}], nextBefore}},
 *       newest first; {@code before} is an ISO-8601 time or a message id (exclusive), {@code limit} 1–200
 *       (default 50); {@code nextBefore} is the id to pass for the next older page, absent at the end.</li>
 * </ul>
 */
@RestController
class SessionController {

    record SessionCreated(UUID sessionId, Instant startedAt, URI collabUrl, URI eventsUrl) {}

    record SessionView(UUID sessionId, Instant startedAt, List<Participant> participants) {}

    record Sessions(List<SessionView> items) {}

    record ChatPage(List<Chat.ChatView> items, UUID nextBefore) {}

    private final SessionStore store;
    private final LiveSessions sessions;
    private final Chat chat;
    private final ProjectAccess access;
    private final PlatformProperties platform;

    SessionController(SessionStore store, LiveSessions sessions, Chat chat, ProjectAccess access, PlatformProperties platform) {
        this.store = store;
        this.sessions = sessions;
        this.chat = chat;
        this.access = access;
        this.platform = platform;
    }

    @PostMapping("/api/projects/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionCreated open(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable("id") UUID projectId) {
        access.require(caller.id(), projectId, ProjectRole.viewer);
        var session = store.open(projectId);
        return new SessionCreated(session.id(), session.startedAt(), socketUrl("/ws/collab"), socketUrl("/ws/events"));
    }

    @GetMapping("/api/projects/{id}/sessions")
    Sessions list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable("id") UUID projectId) {
        access.require(caller.id(), projectId, ProjectRole.viewer);
        return new Sessions(store.current(projectId)
                .map(s -> List.of(new SessionView(s.id(), s.startedAt(), sessions.participantsOf(s.id()))))
                .orElse(List.of()));
    }

    @GetMapping("/api/projects/{id}/chat")
    ChatPage history(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable("id") UUID projectId,
                     @RequestParam(required = false) String before, @RequestParam(defaultValue = "50") int limit) {
        access.require(caller.id(), projectId, ProjectRole.viewer);
        List<Chat.ChatView> items = chat.history(projectId, before, limit);
        return new ChatPage(items, items.size() < limit ? null : items.getLast().id());
    }

    /** The public URL with ws(s) for http(s): where browsers open the sockets. */
    private URI socketUrl(String path) {
        String base = platform.publicUrl().replaceAll("/+$", "");
        return URI.create(base.replaceFirst("^http", "ws") + path);
    }
}
