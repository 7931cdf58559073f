package dev.vaporform.collab.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the collab module ({@code vaporform.collab.*}), documented in README.md.
 *
 * @param maxMessageSize        largest WebSocket frame accepted on {@code /ws/collab} (close 1009 beyond)
 * @param socketBufferSize      the container's receive buffer per socket (text and binary), allocated for every open
 *                              socket: larger collab and events frames arrive in parts; other endpoints' limit
 * @param messagesPerSecond     sustained messages one connection may send per second
 * @param messageBurst          messages one connection may send at once before the rate applies (close 1008 beyond)
 * @param maxConnectionsPerUser open collaboration connections one user may hold (close 1008 beyond)
 * @param sendBufferLimit       bytes queued for one slow connection before it is dropped
 * @param writeBackDelay        quiet time after an edit before the text is written to the file
 * @param writeBackMaxDelay     longest a live document's text may stay unwritten while edits continue
 * @param textSaveInterval      ops after which the document's text is saved with its version (loads replay fewer ops)
 * @param opLogRetention        ops kept in the log behind the saved text, for reconnecting clients
 * @param memoryHistory         recent ops kept in memory per live document
 * @param unloadDelay           how long a document without subscribers stays loaded
 * @param accessCacheTtl        how long a connection trusts a role it checked (events invalidate it at once)
 * @param clientIdTtl           how long an issued connection id ({@code src}) may be reclaimed by its user after a disconnect
 * @param commitBatchSize       most ops committed in one group-commit transaction
 * @param maxPresenceSize       largest presence value ({@code p}, serialized) a client may send; larger ones are
 *                              refused ({@code ERR_PRESENCE_TOO_LARGE}) and relayed to nobody
 * @param maxPresencesPerConnection presences (an id in a document) one connection may hold at once; the IDE holds one
 *                              per open file ({@code ERR_TOO_MANY_PRESENCES} beyond, until one is cleared)
 * @param maxBulkDocuments      ids in one {@code bs}, {@code bf} or {@code bu} ({@code ERR_BULK_TOO_LARGE} beyond, nothing
 *                              loaded); the sharedb client resubscribes every document it holds in one {@code bs} after
 *                              a reconnect, so keep it at least {@code maxDocumentsPerConnection}
 * @param maxDocumentsPerConnection documents one connection may hold at once: subscribed to, listening to the presence
 *                              of, or present in ({@code ERR_TOO_MANY_SUBSCRIPTIONS} beyond)
 * @param revalidateInterval    how often open sockets re-check that their user is active and their sign-in session
 *                              alive (logout, expiry); a socket that fails is closed 1008 within this interval
 * @param chatMaxLength         longest chat message, in characters
 * @param chatMessagesPerMinute chat messages one user may send per minute on one socket, sustained
 * @param chatBurst             chat messages one socket may send at once before the rate applies
 * @param pingInterval          how often every {@code /ws/collab} and {@code /ws/events} socket gets a WebSocket ping
 * @param idleTimeout           a socket that sent nothing (not even a pong) for this long is closed {@code 1001 no-reply},
 *                              so a person whose network went silently away leaves the session for the others
 * @param redisChannelPrefix    prefix of the Redis channels nodes talk on (several installations may share a Redis)
 */
@Validated
@ConfigurationProperties("vaporform.collab")
public record CollabProperties(
        @DefaultValue("1MB") DataSize maxMessageSize,
        @DefaultValue("16KB") DataSize socketBufferSize,
        @DefaultValue("200") @Min(1) int messagesPerSecond,
        @DefaultValue("400") @Min(1) int messageBurst,
        @DefaultValue("20") @Min(1) int maxConnectionsPerUser,
        @DefaultValue("8MB") DataSize sendBufferLimit,
        @DefaultValue("300ms") Duration writeBackDelay,
        @DefaultValue("1s") Duration writeBackMaxDelay,
        @DefaultValue("100") @Min(1) int textSaveInterval,
        @DefaultValue("1000") @Min(0) int opLogRetention,
        @DefaultValue("2000") @Min(10) int memoryHistory,
        @DefaultValue("5s") Duration unloadDelay,
        @DefaultValue("1s") Duration accessCacheTtl,
        @DefaultValue("24h") Duration clientIdTtl,
        @DefaultValue("500") @Min(1) int commitBatchSize,
        @DefaultValue("4KB") DataSize maxPresenceSize,
        @DefaultValue("50") @Min(1) int maxPresencesPerConnection,
        @DefaultValue("500") @Min(1) int maxBulkDocuments,
        @DefaultValue("500") @Min(1) int maxDocumentsPerConnection,
        @DefaultValue("60s") Duration revalidateInterval,
        @DefaultValue("2000") @Min(1) int chatMaxLength,
        @DefaultValue("30") @Min(1) int chatMessagesPerMinute,
        @DefaultValue("5") @Min(1) int chatBurst,
        @DefaultValue("5s") Duration pingInterval,
        @DefaultValue("15s") Duration idleTimeout,
        @DefaultValue("vaporform:") String redisChannelPrefix) {}
