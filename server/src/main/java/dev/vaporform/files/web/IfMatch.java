package dev.vaporform.files.web;

/**
 * Reads an {@code If-Match} header as a file version: {@code "3"}, {@code W/"3"} or {@code 3}.
 * A value that names no version can never match, so it is a stale write (412), not a 400.
 */
final class IfMatch {

    /** A version no file ever has: {@code If-Match} values that are not version numbers. */
    static final long NEVER = -1;

    private IfMatch() {}

    /** @return the version, null when there is no header, 0 for {@code *} (any existing version), {@link #NEVER} when it names none */
    static Long parse(String header) {
        if (header == null || header.isBlank()) return null;
        String value = header.trim();
        if (value.equals("*")) return 0L;
        if (value.startsWith("W/")) value = value.substring(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
        try {
            long version = Long.parseLong(value);
            return version > 0 ? version : NEVER;
        } catch (NumberFormatException e) {
            return NEVER;
        }
    }
}
