package dev.vaporform.platform.web;

/** Makes client-controlled text safe to put in a log line (no forged lines, bounded length). */
final class LogSafe {

    private static final int MAX = 512;

    private LogSafe() {}

    static String path(String raw) {
        if (raw == null) return "-";
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX));
        for (int i = 0; i < raw.length() && out.length() < MAX; i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return raw.length() > MAX ? out + "…" : out.toString();
    }
}
