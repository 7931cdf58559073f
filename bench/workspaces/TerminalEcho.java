import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keystroke-to-echo round trip through /ws/terminal: sends one character at a time to a shell
 * running `cat > /dev/null` (so the only output is the TTY's echo) and times until it comes back.
 *   java TerminalEcho.java ws://127.0.0.1:18081/ws/terminal?project=…&session=…&ticket=… [keystrokes]
 */
public class TerminalEcho {

    public static void main(String[] args) throws Exception {
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        var frames = new LinkedBlockingQueue<String>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(args[0]), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frames.add(data.toString());
                ws.request(1);
                return null;
            }
        }).join();
        send(socket, "cat > /dev/null\\n");
        drain(frames, 1500);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < keystrokes + 50; i++) {
            char key = (char) ('a' + i % 26);
            long start = System.nanoTime();
            send(socket, String.valueOf(key));
            StringBuilder seen = new StringBuilder();
            while (seen.indexOf(String.valueOf(key)) < 0) {
                String frame = frames.poll(5, TimeUnit.SECONDS);
                if (frame == null) throw new IllegalStateException("no echo for keystroke " + i);
                seen.append(frame);
            }
            if (i >= 50) micros.add((System.nanoTime() - start) / 1000); // the first 50 warm up
        }
        send(socket, "\\u0004");
        Collections.sort(micros);
        System.out.printf("keystrokes=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%n", micros.size(),
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0,
                micros.getLast() / 1000.0);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private static void send(WebSocket socket, String data) {
        socket.sendText("{\"type\":\"input\",\"data\":\"" + data + "\"}", true).join();
    }

    private static void drain(LinkedBlockingQueue<String> frames, long millis) throws InterruptedException {
        Thread.sleep(millis);
        frames.clear();
    }
}
