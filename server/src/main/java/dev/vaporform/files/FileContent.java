package dev.vaporform.files;

import java.nio.charset.StandardCharsets;

/**
 * A file's bytes together with the version they are.
 *
 * @param path    the file's path
 * @param bytes   the content (the caller must not modify the array)
 * @param version the recorded version whose content these bytes are
 */
public record FileContent(String path, byte[] bytes, FileVersion version) {

    /** @return the content decoded as UTF-8 (malformed input replaced) */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
