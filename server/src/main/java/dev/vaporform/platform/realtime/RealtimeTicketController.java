package dev.vaporform.platform.realtime;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.RealtimeTickets;

/** {@code POST /api/realtime/tickets}: a one-time ticket for opening a WebSocket. */
@RestController
class RealtimeTicketController {

    record TicketView(String ticket, long expiresIn) {}

    private final RealtimeTickets tickets;

    RealtimeTicketController(RealtimeTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/realtime/tickets")
    TicketView issue(@AuthenticationPrincipal AuthenticatedUser caller) {
        return new TicketView(tickets.issue(caller), InMemoryRealtimeTickets.TTL.toSeconds());
    }
}
