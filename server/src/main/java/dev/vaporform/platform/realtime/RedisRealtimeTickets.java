package dev.vaporform.platform.realtime;

import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.RealtimeTickets;
import dev.vaporform.platform.redis.RedisGuard;

/**
 * Tickets in Redis, so a browser may take one from any node and open its socket on another (no
 * sticky sessions needed). Redeeming is {@code GETDEL}: one use, on whichever node. While Redis
 * is away tickets are issued and redeemed on the issuing node ({@link InMemoryRealtimeTickets}).
 */
final class RedisRealtimeTickets implements RealtimeTickets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final String prefix;
    private final InMemoryRealtimeTickets local;
    private final RedisGuard guard;

    RedisRealtimeTickets(StringRedisTemplate redis, String prefix, InMemoryRealtimeTickets local, RedisGuard guard) {
        this.redis = redis;
        this.prefix = prefix + "ticket:";
        this.local = local;
        this.guard = guard;
    }

    @Override
    public String issue(AuthenticatedUser caller) {
        if (!guard.available()) return local.issue(caller);
        String ticket = InMemoryRealtimeTickets.newTicket();
        try {
            redis.opsForValue().set(prefix + ticket, JSON.writeValueAsString(caller), InMemoryRealtimeTickets.TTL);
            guard.succeeded();
            return ticket;
        } catch (RuntimeException e) {
            guard.failed("ticket", e);
            return local.issue(caller);
        }
    }

    @Override
    public Optional<AuthenticatedUser> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) return Optional.empty();
        Optional<AuthenticatedUser> issuedHere = local.redeem(ticket);
        if (issuedHere.isPresent() || !guard.available()) return issuedHere;
        try {
            String stored = redis.opsForValue().getAndDelete(prefix + ticket);
            guard.succeeded();
            return Optional.ofNullable(stored).map(json -> JSON.readValue(json, AuthenticatedUser.class));
        } catch (RuntimeException e) {
            guard.failed("ticket", e);
            return Optional.empty();
        }
    }
}
