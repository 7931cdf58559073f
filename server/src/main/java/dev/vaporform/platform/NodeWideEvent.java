package dev.vaporform.platform;

/**
 * Marks an application event that every node of the installation must see, not only the one
 * that published it: a change that live connections held by any node must react to (a member
 * removed, a sign-in ended). With Redis configured the platform relays each such event, once the
 * transaction that published it has committed (never when it rolls back), to the other nodes,
 * which publish it to their own listeners; without Redis the node is alone and local delivery is
 * all there is. Delivery to other nodes is at most once (a Redis outage loses it): the sockets'
 * periodic re-checks are the safety net.
 *
 * <p>Listeners of such an event therefore run on <em>every</em> node: they may only act on what
 * their node holds in memory (open sockets, caches), never do once-per-installation work
 * (writing to the database, sending mail). Implementations are records that serialise to JSON.
 */
public interface NodeWideEvent {}
