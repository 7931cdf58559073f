package dev.vaporform.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.files.FileTooLarge;
import dev.vaporform.files.FileVersion;
import dev.vaporform.files.internal.FileService;
import dev.vaporform.files.internal.TreeService;
import dev.vaporform.files.storage.FilesProperties;
import dev.vaporform.files.watch.ProjectWatchers;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.projects.ProjectAccess;
import dev.vaporform.projects.ProjectRole;

/**
 * Files by path, per API.md: {@code {path}} is the rest of the URL (already percent-decoded
 * once by the server; the firewall refuses encoded slashes and dots). Reads need viewer,
 * writes collaborator. File bodies go out as attachments in a sandbox, so a stored HTML or SVG
 * file can never run as the IDE's own page.
 */
@RestController
@RequestMapping("/api/projects/{id}")
class FileController {

    private final ProjectAccess access;
    private final FileService files;
    private final TreeService trees;
    private final ProjectWatchers watchers;
    private final FilesProperties properties;

    FileController(ProjectAccess access, FileService files, TreeService trees, ProjectWatchers watchers,
                   FilesProperties properties) {
        this.access = access;
        this.files = files;
        this.trees = trees;
        this.watchers = watchers;
        this.properties = properties;
    }

    @GetMapping("/tree")
    Map<String, Object> tree(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        allow(caller, id, ProjectRole.viewer);
        return Map.of("entries", trees.tree(id));
    }

    @GetMapping("/files/{*path}")
    ResponseEntity<byte[]> read(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @PathVariable String path) {
        allow(caller, id, ProjectRole.viewer);
        return FileResponses.content(files.read(id, strip(path)));
    }

    @PutMapping("/files/{*path}")
    ResponseEntity<Map<String, Object>> write(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                                              @PathVariable String path, HttpServletRequest request,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch)
            throws IOException {
        allow(caller, id, ProjectRole.collaborator);
        Long expected = IfMatch.parse(ifMatch);
        byte[] body = body(request);
        FileService.Written written = files.write(id, strip(path), body, caller.id(), expected);
        FileVersion version = written.version();
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Long.toString(version.version()))
                .body(Map.of("path", version.path(), "version", version.version(), "size", version.size()));
    }

    @DeleteMapping("/files/{*path}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                                @PathVariable String path, @RequestParam(defaultValue = "false") boolean recursive) {
        allow(caller, id, ProjectRole.collaborator);
        trees.delete(id, strip(path), recursive, caller.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/history/{*path}")
    ResponseEntity<?> history(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
                              @PathVariable String path, @RequestParam(required = false) Long version) {
        allow(caller, id, ProjectRole.viewer);
        if (version != null) return FileResponses.content(files.version(id, strip(path), version));
        List<FileVersion> versions = files.history(id, strip(path));
        return ResponseEntity.ok(versions);
    }

    private void allow(AuthenticatedUser caller, UUID projectId, ProjectRole role) {
        access.require(caller.id(), projectId, role);
        watchers.touch(projectId);
    }

    /** The body, refused with 413 as soon as it passes the file size limit (declared or counted). */
    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxFileSize().toBytes();
        if (request.getContentLengthLong() > max) throw tooLarge(max);
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) throw tooLarge(max);
            return bytes;
        }
    }

    private static FileTooLarge tooLarge(long max) {
        return new FileTooLarge("The file is larger than the limit of " + max + " bytes (max-file-size).",
                Map.of("limit", "max-file-size", "max", max));
    }

    /** {@code {*path}} captures the leading slash of the rest of the URL. */
    static String strip(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }
}
