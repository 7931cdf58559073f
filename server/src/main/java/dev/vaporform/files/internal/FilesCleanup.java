package dev.vaporform.files.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.vaporform.files.search.ProjectIndexes;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileVersions;
import dev.vaporform.files.storage.ProjectLocks;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.storage.ProjectUsage;
import dev.vaporform.files.watch.ProjectWatchers;
import dev.vaporform.projects.ProjectDeleted;

/** A deleted project's tree, versions, blobs and index go with it. Idempotent: delivery is at-least-once. */
@Component
class FilesCleanup {

    private static final Logger log = LoggerFactory.getLogger(FilesCleanup.class);

    private final ProjectWatchers watchers;
    private final ProjectIndexes indexes;
    private final ProjectRoots roots;
    private final ProjectLocks locks;
    private final Blobs blobs;
    private final FileVersions versions;
    private final ProjectUsage usage;

    FilesCleanup(ProjectWatchers watchers, ProjectIndexes indexes, ProjectRoots roots, ProjectLocks locks, Blobs blobs,
                 FileVersions versions, ProjectUsage usage) {
        this.watchers = watchers;
        this.indexes = indexes;
        this.roots = roots;
        this.locks = locks;
        this.blobs = blobs;
        this.versions = versions;
        this.usage = usage;
    }

    @ApplicationModuleListener
    void on(ProjectDeleted event) {
        UUID projectId = event.projectId();
        watchers.stop(projectId);
        indexes.delete(projectId);
        locks.run(projectId, () -> {
            roots.deleteTree(projectId);
            blobs.deleteProject(projectId);
            versions.deleteProject(projectId);
            usage.invalidate(projectId);
        });
        log.info("Removed the files, versions and index of deleted project {}", projectId);
    }
}
