package dev.vaporform.platform.db;

import java.nio.file.Path;

/** The embedded PostgreSQL did not start; the message says what the operator can do about it. */
final class EmbeddedDatabaseFailed extends IllegalStateException {

    EmbeddedDatabaseFailed(Path data, Throwable cause) {
        super(advice(data, cause), cause);
    }

    private static String advice(Path data, Throwable cause) {
        String text = String.valueOf(cause.getMessage()) + " " + (cause.getCause() == null ? "" : cause.getCause().getMessage());
        if (text.contains("cannot be run as root") || text.contains("unshare")) {
            return "The embedded PostgreSQL could not start because this process runs as root and user namespaces "
                    + "are blocked here (initdb refuses to run as root; we run it under 'unshare -U', which needs "
                    + "util-linux and unprivileged user namespaces). Run Vaporform as a non-root user, allow user "
                    + "namespaces (sysctl kernel.unprivileged_userns_clone=1), or point DATABASE_URL at a PostgreSQL "
                    + "server (e.g. apt-get install postgresql).";
        }
        return "The embedded PostgreSQL could not start with data in " + data + ": " + cause.getMessage()
                + ". Check that the directory is writable and not used by another Vaporform process, "
                + "or set DATABASE_URL to use an external PostgreSQL.";
    }
}
