package dev.vaporform.platform.realtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.RealtimeTickets;

/**
 * Tickets held in this process (the node that issued a ticket is the one the browser connects
 * to right after, behind a sticky or a single-node set-up; several nodes share them through
 * Redis once it is configured). 192 random bits each; expired ones are dropped by the cache.
 */
@Component
class InMemoryRealtimeTickets implements RealtimeTickets {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, AuthenticatedUser> tickets = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(1_000_000)
            .build();

    @Override
    public String issue(AuthenticatedUser caller) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String ticket = "vft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, caller);
        return ticket;
    }

    @Override
    public Optional<AuthenticatedUser> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) return Optional.empty();
        return Optional.ofNullable(tickets.asMap().remove(ticket));
    }
}
