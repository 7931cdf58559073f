/**
 * Owns live collaboration: the ShareDB-protocol document server at {@code /ws/collab} (one
 * single-writer authority per live document, a durable op log, presence, write-back of the text
 * to the file and disk changes turned into ops), and the session roster, chat and project event
 * stream at {@code /ws/events} (sub-package {@code session}). With {@code REDIS_URL} set, nodes fan
 * committed ops, presence and project events out to each other over Redis pub/sub; without it the
 * node is alone and fan-out is in-process. {@code ot} is the text-unicode library (its own Maven artifact),
 * which Spring Modulith sees as a module because it shares the {@code dev.vaporform} root.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collaboration",
        allowedDependencies = {"platform", "auth", "projects", "files", "containers", "ot"})
package dev.vaporform.collab;
