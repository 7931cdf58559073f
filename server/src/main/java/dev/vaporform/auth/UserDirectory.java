package dev.vaporform.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read-only look-ups of users for other modules (sharing by email, naming collaborators). */
public interface UserDirectory {

    /** @return the active or inactive user with this email (case-insensitive), if any */
    Optional<UserSummary> findByEmail(String email);

    /** @return the users among these ids that exist, in no particular order */
    List<UserSummary> findAll(Collection<UUID> ids);
}
