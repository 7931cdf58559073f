/**
 * Owns live collaboration: the ShareDB-protocol document server at {@code /ws/collab} (one
 * single-writer authority per live document, a durable op log, presence, write-back of the text
 * to the file and disk changes turned into ops), and the session roster, chat and project event
 * stream at {@code /ws/events}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collaboration",
        allowedDependencies = {"platform", "auth", "projects", "files", "containers"})
package dev.vaporform.collab;
