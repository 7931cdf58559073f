package dev.vaporform.auth.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.vaporform.platform.SharedCache;
import dev.vaporform.platform.SharedCaches;

/**
 * The per-request check "is this user still active, and is this token's generation current?"
 * answered from a cache shared by the nodes, so authenticated requests cost no query. An entry
 * is invalidated on every node as soon as the change that affects it commits ({@link UserChanged}):
 * a deactivation or a logout-all takes effect everywhere within a second; the expiry is a safety net.
 */
@Component
class UserStates {

    private final Users users;
    private final SharedCache<UserState> cache;

    UserStates(Users users, SharedCaches caches) {
        this.users = users;
        this.cache = caches.create("user-state", UserState.class, Duration.ofMinutes(1));
    }

    Optional<UserState> get(UUID userId) {
        return cache.get(userId.toString(), id -> users.findById(UUID.fromString(id)).map(UserState::of));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserChanged event) {
        cache.invalidate(event.userId().toString());
    }
}
