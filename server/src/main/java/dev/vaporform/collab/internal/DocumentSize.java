package dev.vaporform.collab.internal;

import dev.vaporform.ot.Document;

/**
 * The most a live document may hold: its text is written back to its file, so the files module's
 * {@code max-file-size} in bytes of UTF-8. An op that would grow a document past it is refused
 * ({@code ERR_DOC_TOO_LARGE}); the client rolls it back and the connection stays open.
 */
final class DocumentSize {

    private DocumentSize() {}

    /** @throws ShareDbError when {@code next} is more than {@code max} bytes of UTF-8 */
    static void requireWithin(Document next, long max) {
        // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair 4), so most documents need no count.
        if ((long) next.utf16Length() * 3 <= max) return;
        if (utf8Length(next.toString()) <= max) return;
        throw new ShareDbError(ShareDbError.DOC_TOO_LARGE, "The document would be larger than " + max
                + " bytes, the most a file may hold (max-file-size).");
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
