package dev.vaporform.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.files.ArchiveTooLarge;
import dev.vaporform.files.internal.ArchiveService;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.watch.ProjectWatchers;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * A project as a zip: downloaded as a stream written straight to the response (the project is
 * never held in memory), uploaded as a raw {@code application/zip} body.
 */
@RestController
class ArchiveController {

    private final ProjectAccess access;
    private final ArchiveService archives;
    private final ProjectWatchers watchers;
    private final FilesProperties properties;

    ArchiveController(ProjectAccess access, ArchiveService archives, ProjectWatchers watchers, FilesProperties properties) {
        this.access = access;
        this.archives = archives;
        this.watchers = watchers;
        this.properties = properties;
    }

    @GetMapping("/api/projects/{id}/archive")
    void download(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        access.require(caller.id(), id, ProjectRole.viewer);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("project-" + id + ".zip").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        archives.export(id, response.getOutputStream());
    }

    @PostMapping("/api/projects/{id}/archive")
    Map<String, Object> upload(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                               HttpServletRequest request) throws IOException {
        access.require(caller.id(), id, ProjectRole.collaborator);
        long max = properties.maxArchiveSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ArchiveTooLarge("The archive is larger than " + max + " bytes (max-archive-size).",
                    Map.of("limit", "max-archive-size", "max", max));
        }
        watchers.touch(id);
        try (InputStream in = request.getInputStream()) {
            return Map.of("files", archives.importZip(id, in, caller.id()));
        }
    }
}
