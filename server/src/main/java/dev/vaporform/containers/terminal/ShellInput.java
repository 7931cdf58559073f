package dev.vaporform.containers.terminal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The keystrokes on their way to a shell: written by whichever thread handled the WebSocket
 * message, read by Docker's attach thread. (JDK pipes refuse to work once the thread that last
 * wrote has ended, which with virtual threads per message is almost at once.)
 */
final class ShellInput extends InputStream {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** @return the side the WebSocket handler writes to; closing it ends the shell's input */
    OutputStream writer() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                chunks.add(new byte[]{(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len > 0) chunks.add(java.util.Arrays.copyOfRange(b, off, off + len));
            }

            @Override
            public void close() {
                chunks.add(END);
            }
        };
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (ended) return -1;
        if (position == current.length) {
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == END) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
