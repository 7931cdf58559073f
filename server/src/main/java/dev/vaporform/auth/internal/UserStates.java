package dev.vaporform.auth.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The per-request check "is this user still active, and is this token's generation current?"
 * answered from a cache, so authenticated requests cost no query. An entry is evicted as soon as
 * the change that affects it commits ({@link UserChanged}); the short expiry is only a safety net.
 */
@Component
class UserStates {

    private final Users users;
    private final Cache<UUID, Optional<User>> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    UserStates(Users users) {
        this.users = users;
    }

    Optional<User> get(UUID userId) {
        return cache.get(userId, users::findById);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserChanged event) {
        cache.invalidate(event.userId());
    }
}
