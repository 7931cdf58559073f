package dev.vaporform.platform.realtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.RealtimeTickets;

/**
 * Tickets held in this process: on one node, and as the fallback of {@link RedisRealtimeTickets}
 * while Redis is away (a ticket issued then works on the node that issued it). 192 random bits each; expired ones are dropped by the cache.
 */
final class InMemoryRealtimeTickets implements RealtimeTickets {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, AuthenticatedUser> tickets = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(1_000_000)
            .build();

    @Override
    public String issue(AuthenticatedUser caller) {
        String ticket = newTicket();
        tickets.put(ticket, caller);
        return ticket;
    }

    static String newTicket() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "vft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Optional<AuthenticatedUser> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) return Optional.empty();
        return Optional.ofNullable(tickets.asMap().remove(ticket));
    }
}
