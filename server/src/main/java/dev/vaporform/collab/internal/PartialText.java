package dev.vaporform.collab.internal;

/**
 * Puts a text message that the container delivers in parts back together, up to a limit. The
 * container's buffer per socket then stays small ({@code socket-buffer-size}): Tomcat allocates
 * it for every open socket, so a buffer as large as the largest message accepted (a 1 MB paste)
 * would cost gigabytes at a few thousand sockets. Confined to one socket's receiving thread.
 */
public final class PartialText {

    /** The message grew past the limit: close the socket with 1009. */
    public static final class TooBig extends Exception {
        TooBig() {
            super("message too big", null, false, false);
        }
    }

    private final long limit;
    private StringBuilder parts;

    /** @param limit most characters a whole message may have */
    public PartialText(long limit) {
        this.limit = limit;
    }

    /** @return the whole message once its last part arrived, else null; @throws TooBig past the limit */
    public String add(String part, boolean last) throws TooBig {
        if (parts == null && last) {
            if (part.length() > limit) throw new TooBig();
            return part;
        }
        if (parts == null) parts = new StringBuilder(part.length() * 2);
        if (parts.length() + part.length() > limit) {
            parts = null;
            throw new TooBig();
        }
        parts.append(part);
        if (!last) return null;
        String whole = parts.toString();
        parts = null;
        return whole;
    }
}
