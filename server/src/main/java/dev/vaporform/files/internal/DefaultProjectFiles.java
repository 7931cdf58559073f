package dev.vaporform.files.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileEntry;
import dev.vaporform.files.FileVersion;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.files.SearchResults;
import dev.vaporform.files.Watch;
import dev.vaporform.files.search.ProjectSearch;
import dev.vaporform.files.storage.ProjectRoots;
import dev.vaporform.files.watch.ProjectWatchers;

/**
 * The facade other modules call. Every use marks the project active, so changes made in its
 * workspace are watched for the idle timeout that follows.
 */
@Component
class DefaultProjectFiles implements ProjectFiles {

    private final ProjectRoots roots;
    private final FileService files;
    private final TreeService trees;
    private final ProjectSearch search;
    private final ProjectWatchers watchers;

    DefaultProjectFiles(ProjectRoots roots, FileService files, TreeService trees, ProjectSearch search,
                        ProjectWatchers watchers) {
        this.roots = roots;
        this.files = files;
        this.trees = trees;
        this.search = search;
        this.watchers = watchers;
    }

    @Override
    public Path root(UUID projectId) {
        return roots.root(projectId);
    }

    @Override
    public FileContent read(UUID projectId, String path) {
        watchers.touch(projectId);
        return files.read(projectId, path);
    }

    @Override
    public FileVersion write(UUID projectId, String path, byte[] content, UUID authorId, Long ifMatchVersion) {
        watchers.touch(projectId);
        return files.write(projectId, path, content, authorId, ifMatchVersion).version();
    }

    @Override
    public List<FileEntry> tree(UUID projectId) {
        watchers.touch(projectId);
        return trees.tree(projectId);
    }

    @Override
    public List<FileVersion> history(UUID projectId, String path) {
        return files.history(projectId, path);
    }

    @Override
    public SearchResults search(UUID projectId, SearchQuery query) {
        watchers.touch(projectId);
        return search.search(projectId, query);
    }

    @Override
    public SearchResults search(UUID userId, UUID projectId, SearchQuery query) {
        watchers.touch(projectId);
        return search.search(userId, projectId, query);
    }

    @Override
    public Watch watch(UUID projectId) {
        return watchers.hold(projectId);
    }
}
