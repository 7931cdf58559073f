package dev.vaporform.containers.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Collects a stream's bytes up to a limit and remembers whether more came. */
final class BoundedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;
    private boolean truncated;

    BoundedOutput(long limit) {
        this.limit = limit;
    }

    synchronized void append(byte[] data) {
        long room = limit - bytes.size();
        if (room <= 0) {
            truncated |= data.length > 0;
            return;
        }
        int take = (int) Math.min(room, data.length);
        bytes.write(data, 0, take);
        truncated |= take < data.length;
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
