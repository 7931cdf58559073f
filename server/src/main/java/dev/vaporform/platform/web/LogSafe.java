package dev.vaporform.platform.web;

/** Makes client-controlled text safe to put in a log line (no forged lines, bounded length). */
final class LogSafe {

    private static final int MAX = 512;
    // An invitation's secret is in its accept route's path; a log line must not hold a usable link.
    private static final java.util.regex.Pattern INVITATION = java.util.regex.Pattern.compile("^/api/invitations/[^/]+");

    private LogSafe() {}

    static String path(String raw) {
        if (raw == null) return "-";
        raw = INVITATION.matcher(raw).replaceFirst("/api/invitations/{token}");
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX));
        for (int i = 0; i < raw.length() && out.length() < MAX; i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return raw.length() > MAX ? out + "…" : out.toString();
    }
}
