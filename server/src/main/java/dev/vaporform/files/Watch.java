package dev.vaporform.files;

/**
 * A hold that keeps a project "active": while at least one is open, changes made to its tree
 * on disk are noticed, indexed and published as events. Closing is idempotent.
 */
public interface Watch extends AutoCloseable {

    @Override
    void close();
}
