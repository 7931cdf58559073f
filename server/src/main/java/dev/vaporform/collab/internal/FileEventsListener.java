package dev.vaporform.collab.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vaporform.files.FileChanged;
import dev.vaporform.files.FileDeleted;
import dev.vaporform.files.FileMoved;
import dev.vaporform.projects.ProjectDeleted;

/**
 * Changes to files made by anyone else reach live documents: a change is diffed into a server
 * op (our own write-backs diff to nothing); a deleted file stops its document's write-back and
 * forgets its op log; a moved one has its document write back to the new path until it unloads. Listeners are idempotent (delivery is at-least-once).
 */
@Component
class FileEventsListener {

    private final Documents documents;
    private final OpLog opLog;

    FileEventsListener(Documents documents, OpLog opLog) {
        this.documents = documents;
        this.opLog = opLog;
    }

    @ApplicationModuleListener
    void on(FileChanged event) {
        documents.ifLive(new DocumentKey(event.projectId(), event.path()), a -> a.fileSync.fileChanged());
    }

    @ApplicationModuleListener
    void on(FileDeleted event) {
        gone(new DocumentKey(event.projectId(), event.path()));
    }

    /**
     * A live document follows its file: it writes what its file lacks to the new path and lives
     * on until its clients have followed (see {@link FileSync#movedTo}); one not live is forgotten.
     */
    @ApplicationModuleListener
    void on(FileMoved event) {
        DocumentKey key = new DocumentKey(event.projectId(), event.from());
        if (documents.isLive(key)) {
            documents.ifLive(key, a -> a.fileSync.movedTo(event.to()));
        } else {
            opLog.delete(key);
        }
    }

    @ApplicationModuleListener
    void on(ProjectDeleted event) {
        documents.liveIn(event.projectId()).forEach(key -> documents.ifLive(key, a -> a.fileSync.fileDeleted()));
        opLog.deleteProject(event.projectId());
    }

    private void gone(DocumentKey key) {
        documents.ifLive(key, a -> a.fileSync.fileDeleted());
        opLog.delete(key);
    }
}
