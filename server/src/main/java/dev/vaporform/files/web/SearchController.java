package dev.vaporform.files.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.SearchQuery;
import dev.vaporform.files.SearchResults;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/** Find in files: {@code GET /api/projects/{id}/search?q=&limit=&caseSensitive=&regex=} (viewer). */
@RestController
class SearchController {

    private final ProjectAccess access;
    private final ProjectFiles files;

    SearchController(ProjectAccess access, ProjectFiles files) {
        this.access = access;
        this.files = files;
    }

    @GetMapping("/api/projects/{id}/search")
    SearchResults search(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                         @RequestParam String q, @RequestParam(defaultValue = "100") int limit,
                         @RequestParam(defaultValue = "false") boolean caseSensitive,
                         @RequestParam(defaultValue = "false") boolean regex) {
        access.require(caller.id(), id, ProjectRole.viewer);
        return files.search(caller.id(), id, new SearchQuery(q, caseSensitive, regex, limit));
    }
}
