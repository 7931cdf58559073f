package dev.vaporform.files.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;

import dev.vaporform.files.FileContent;

/** How file bytes leave the server: typed by name, tagged with their version, never rendered as our page. */
final class FileResponses {

    private FileResponses() {}

    static ResponseEntity<byte[]> content(FileContent content) {
        String name = content.path().substring(content.path().lastIndexOf('/') + 1);
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .eTag(Long.toString(content.version().version()))
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.bytes());
    }
}
