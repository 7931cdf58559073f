package dev.vaporform.collab.internal;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

/**
 * Puts a text message that the container delivers in parts back together, up to a limit, for
 * the handlers of {@code /ws/collab} and {@code /ws/events} (both take partial messages). The
 * container's buffer per socket then stays small ({@code socket-buffer-size}): Tomcat allocates
 * it for every open socket, so a buffer as large as the largest message accepted (a 1 MB paste)
 * would cost gigabytes at a few thousand sockets. A message past the limit closes the socket
 * with 1009. Confined to one socket's receiving thread.
 */
public final class PartialText {

    private final long limit;
    private final SocketOutbox socket;
    private StringBuilder parts;

    /**
     * @param limit  most characters a whole message may have
     * @param socket the socket's outbox, closed with 1009 when a message grows past the limit
     */
    public PartialText(long limit, SocketOutbox socket) {
        this.limit = limit;
        this.socket = socket;
    }

    /**
     * @return the whole message once its last part arrived, else null; also null when the message
     *         grew past the limit, and then the socket is closed with 1009
     */
    public String add(TextMessage part) {
        String text = part.getPayload();
        boolean last = part.isLast();
        if (parts == null && last) return text.length() > limit ? tooBig() : text;
        if (parts == null) parts = new StringBuilder(text.length() * 2);
        if (parts.length() + text.length() > limit) {
            parts = null;
            return tooBig();
        }
        parts.append(text);
        if (!last) return null;
        String whole = parts.toString();
        parts = null;
        return whole;
    }

    private String tooBig() {
        socket.close(CloseStatus.TOO_BIG_TO_PROCESS);
        return null;
    }
}
