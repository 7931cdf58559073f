package dev.vaporform.collab.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.StaleFileVersion;
import dev.vaporform.platform.ProblemException;

/**
 * Keeps a live document and its file in step, confined to the document's queue. Edits are
 * written back after a quiet {@code write-back-delay}, at most {@code write-back-max-delay}
 * behind while typing goes on, and at once when the last client leaves. Before each write the
 * file is read: if someone else changed it on disk, that change is merged first as a server op
 * (a diff against what we last synced, transformed against everything typed since), so neither
 * side is lost. File I/O runs off the queue; only its result comes back onto it.
 */
final class FileSync {

    private static final Logger log = LoggerFactory.getLogger(FileSync.class);

    private final DocumentAuthority authority;
    private final DocumentServices services;
    private final Runnable idle;
    /** The file written back: the document's own path until its file moves away (read by file I/O too). */
    private volatile String path;
    private volatile boolean moved;
    private String diskText;
    private long diskVersion;
    private ScheduledFuture<?> timer;
    private long dirtySince;
    private boolean writing;
    private boolean recheck;
    private boolean deleted;
    private long textSavedAt;
    private ScheduledFuture<?> unloadTimer;

    FileSync(DocumentAuthority authority, DocumentServices services, Runnable idle) {
        this.authority = authority;
        this.services = services;
        this.idle = idle;
        this.path = authority.key.path();
    }

    /** The file holds {@code text}, the document's text at {@code version}. */
    void synced(String text, long version) {
        diskText = text;
        diskVersion = version;
        textSavedAt = version;
    }

    /** An op at {@code version} is durable: write back soon, save the text now and then. */
    void edited(long version) {
        long now = System.nanoTime();
        if (moved) {
            schedule(0); // late edits of a moved file: at once, before its new document is read
            return;
        }
        if (dirtySince == 0) dirtySince = now;
        long maxLeft = services.properties().writeBackMaxDelay().toNanos() - (now - dirtySince);
        schedule(Math.max(0, Math.min(services.properties().writeBackDelay().toNanos(), maxLeft)));
    }

    private void schedule(long delayNanos) {
        if (timer != null) timer.cancel(false);
        timer = later(this::flush, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task on the document's queue after a delay; nothing while the server is stopping (its
     * timers are gone then), which loses nothing: every committed op is in the op log, and the
     * document's next load writes the file back.
     */
    private ScheduledFuture<?> later(Runnable task, long delay, TimeUnit unit) {
        try {
            return services.timers().schedule(() -> authority.queue.execute(task), delay, unit);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    /** Writes the committed text to the file unless the file already has it. */
    void flush() {
        if (writing || deleted || !authority.exists()) return;
        String text = authority.committedText();
        long version = authority.committedVersion();
        dirtySince = 0;
        if (text.equals(diskText)) {
            diskVersion = version;
            markWritten(version);
            return;
        }
        writing = true;
        String expected = diskText;
        services.fileIo().run(() -> {
            WriteResult result = write(text, expected);
            authority.queue.execute(() -> written(result, text, version));
        });
    }

    private record WriteResult(boolean done, FileContent changedOnDisk) {}

    private WriteResult write(String text, String expected) {
        var key = authority.key;
        try {
            Optional<FileContent> current = read();
            if (moved && current.isEmpty()) return new WriteResult(true, null); // moved on again: never re-create it
            if (current.isPresent() && !expected.equals(DocumentLoader.text(current.get()))) return new WriteResult(false, current.get());
            Long ifMatch = current.map(c -> c.version().version()).orElse(null);
            services.files().write(key.projectId(), path, text.getBytes(StandardCharsets.UTF_8), null, ifMatch);
            return new WriteResult(true, null);
        } catch (StaleFileVersion raced) {
            return new WriteResult(false, null);
        } catch (ProblemException | ShareDbError refused) {
            log.warn("Writing {} back failed: {}", path, refused.getMessage());
            return new WriteResult(true, null);
        }
    }

    private void written(WriteResult result, String text, long version) {
        writing = false;
        if (result.done()) {
            diskText = text;
            diskVersion = version;
            markWritten(version);
            if (version - textSavedAt >= services.properties().textSaveInterval()) saveText(text, version);
        } else if (result.changedOnDisk() != null) {
            merge(result.changedOnDisk());
        }
        if (!result.done() || recheck || authority.committedVersion() > diskVersion) {
            recheck = false;
            schedule(0);
            return;
        }
        maybeIdle();
    }

    /** Durably notes the write-back, so start-up knows which files lag the op log after a crash. */
    private void markWritten(long version) {
        if (moved) return; // the op log under the old path is forgotten when the document unloads
        var key = authority.key;
        services.fileIo().run(() -> {
            try {
                services.opLog().markWritten(key, version);
            } catch (RuntimeException e) {
                log.warn("Noting the write-back of {} failed: {}", key.path(), e.getMessage());
            }
        });
    }

    /** The file changed (an event from the files module): merge it unless it is our own write. */
    void fileChanged() {
        if (moved) return; // a new file at the old path is another document's
        if (writing) {
            recheck = true;
            return;
        }
        services.fileIo().run(() -> {
            Optional<FileContent> current;
            try {
                current = read();
            } catch (RuntimeException e) {
                return;
            }
            current.ifPresent(c -> authority.queue.execute(() -> {
                if (!writing) merge(c);
            }));
        });
    }

    private void merge(FileContent file) {
        String onDisk;
        try {
            onDisk = DocumentLoader.text(file);
        } catch (ShareDbError binary) {
            return;
        }
        if (onDisk.equals(diskText)) return;
        if (services.bus().distributed() && isAnotherNodesWrite(onDisk)) return;
        authority.submitServerOp(TextDiff.between(diskText, onDisk), diskVersion);
        diskText = onDisk;
        diskVersion = authority.committedVersion();
    }

    /**
     * With several nodes, each one holding the document live writes it back, so a text we did not
     * write may be another node's write-back of any version, one we have not applied yet
     * included. Such a text is no change made outside: merging it would apply those ops twice.
     * (The price: an outside change that restores exactly a recent version's text, such as a
     * {@code git checkout} during live editing, is taken for a write-back and overwritten.)
     * Returns true when the text is known, or when it cannot be judged before our pending ops
     * are stored (then it is looked at again shortly).
     */
    private boolean isAnotherNodesWrite(String onDisk) {
        long written = authority.versionOfText(onDisk);
        if (written < 0 && authority.hasPending()) {
            later(this::fileChanged, 50, TimeUnit.MILLISECONDS);
            return true;
        }
        if (written < 0) {
            authority.catchUpFromLog();
            written = authority.versionOfText(onDisk);
        }
        if (written < 0) return false;
        diskText = onDisk;
        diskVersion = written;
        return true;
    }

    /**
     * The file was moved (or renamed) to {@code to}: what was typed but not yet written back, and
     * whatever its clients still submit before they follow the file to its new document, is
     * written to the new path (at once, merged like any write-back, so the new document picks it
     * up as a change on disk). Its op log is forgotten when it unloads, so those late ops still
     * commit meanwhile.
     */
    void movedTo(String to) {
        if (deleted || moved) return;
        path = to;
        moved = true;
        if (!authority.exists()) { // never loaded (it unloaded just before): nothing to carry over
            forgetLog();
            idle.run();
            return;
        }
        schedule(0);
        maybeIdle();
    }

    private void forgetLog() {
        var key = authority.key;
        services.fileIo().run(() -> {
            try {
                services.opLog().delete(key);
            } catch (RuntimeException e) {
                log.warn("Forgetting the op log of moved {} failed: {}", key.path(), e.getMessage());
            }
        });
    }

    /** The file was deleted: never write it back again. */
    void fileDeleted() {
        deleted = true;
        if (timer != null) timer.cancel(false);
    }

    /** With nobody left: write back now, and unload after {@code unload-delay} if still alone. */
    void maybeIdle() {
        if (authority.hasSubscribers()) return;
        flush();
        if (unloadTimer != null) unloadTimer.cancel(false);
        unloadTimer = later(this::unloadIfIdle, services.properties().unloadDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Unloads at once (the document never loaded). */
    void discard() {
        idle.run();
    }

    private void unloadIfIdle() {
        if (authority.hasSubscribers() || writing || authority.hasPending() || dirtySince != 0) return;
        if (authority.exists() && !deleted && !moved && authority.committedText().equals(diskText)) {
            saveText(diskText, authority.committedVersion());
        }
        if (moved) forgetLog();
        idle.run();
    }

    /**
     * Saves a text the file holds, never one ahead of it: a load after a crash replays the ops
     * from the saved text and finds the file's text among the versions it passes, so a file that
     * merely lags (write-back cut short) is told from one changed outside.
     */
    private void saveText(String text, long version) {
        var key = authority.key;
        textSavedAt = version;
        int retention = services.properties().opLogRetention();
        services.fileIo().run(() -> {
            try {
                services.opLog().saveText(key, text, version);
                services.opLog().compact(key, version - retention);
            } catch (RuntimeException e) {
                log.warn("Saving the text of {} failed: {}", key.path(), e.getMessage());
            }
        });
    }

    private Optional<FileContent> read() {
        try {
            return Optional.of(services.files().read(authority.key.projectId(), path));
        } catch (FileNotFound gone) {
            return Optional.empty();
        }
    }
}
