package dev.vaporform.collab.internal;

import java.util.function.Consumer;

/**
 * Messages between the nodes of an installation, by channel: committed ops and presence per
 * document, events per project. With Redis every node that subscribed to a channel receives what
 * any node publishes on it (the publisher included); without Redis the node is alone and
 * delivery is an in-process call. Delivery is at most once and unordered across channels:
 * receivers tolerate gaps and duplicates.
 */
public interface ClusterBus {

    /** @return this node's id, which receivers use to skip their own messages */
    String nodeId();

    /** @return whether other nodes may exist (Redis); false for a node that is alone */
    boolean distributed();

    /** Publishes a message; never throws (a lost message is caught up from the database). */
    void publish(String channel, String message);

    /**
     * Starts delivering the channel's messages to {@code listener} (on a bus thread: hand work
     * off, never block).
     *
     * @return what stops the delivery
     */
    Subscription subscribe(String channel, Consumer<String> listener);

    /** A subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
