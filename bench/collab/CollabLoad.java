import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for /ws/collab speaking ShareDB's protocol, as its client does: each client
 * subscribes to its document, keeps one op in flight, and sends the next as soon as the last is
 * acknowledged (a closed loop, so offered load follows the server), or, with PACE, no sooner
 * than 1/PACE seconds after the last one was sent (a typist's rate; the offered load is then
 * clients x PACE ops/s as long as the server keeps up). Every op inserts one
 * character at the start, based on the version the client knows. Reports acknowledged ops per
 * second and the ack latency (send to ack) over the measured window, after a warm-up.
 *
 *   java CollabLoad.java ws://127.0.0.1:18082/ws/collab TOKEN PROJECT DOCS CLIENTS_PER_DOC WARMUP_S MEASURE_S [PACE]
 *
 * Bounded: it stops after WARMUP_S + MEASURE_S, and talks to the given loopback address only.
 */
public class CollabLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern V = Pattern.compile("\"v\":(\\d+)");
    private static final java.util.concurrent.ScheduledExecutorService PACER =
            java.util.concurrent.Executors.newScheduledThreadPool(2, r -> Thread.ofPlatform().daemon().unstarted(r));
    static long paceNanos;

    static final class Client implements WebSocket.Listener {
        final String collection;
        final String doc;
        final boolean creator;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        long[] latencies = new long[1024];
        int count;
        volatile boolean measuring;
        volatile boolean stopped;
        volatile WebSocket socket;
        String src;
        String ackPrefix;
        long version;
        long seq;
        long sentAt;

        Client(String collection, String doc, boolean creator) {
            this.collection = collection;
            this.doc = doc;
            this.creator = creator;
        }

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws; // frames may arrive before buildAsync's future completes
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handle(frame);
            }
            ws.request(1);
            return null;
        }

        private void handle(String frame) {
            if (src == null && frame.contains("\"a\":\"init\"")) {
                src = group(ID, frame);
                ackPrefix = "{\"src\":\"" + src + "\",\"seq\":";
                if (creator) {
                    send("{\"a\":\"op\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"seq\":" + (++seq)
                            + ",\"create\":{\"type\":\"http://sharejs.org/types/text-unicode\",\"data\":\"\"}}");
                } else {
                    send("{\"a\":\"s\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\"}");
                }
            } else if (frame.startsWith(ackPrefix == null ? "\u0000" : ackPrefix)) {
                acked(Long.parseLong(group(V, frame)));
            } else if (!ready.isDone() && frame.contains("\"a\":\"s\"") && frame.contains("\"d\":\"" + doc + "\"")) {
                version = Long.parseLong(group(V, frame));
                ready.complete(null);
            } else if (frame.contains("\"error\"")) {
                System.err.println("error frame: " + frame);
            }
        }

        private void acked(long v) {
            long now = System.nanoTime();
            if (seq == 1 && creator && !ready.isDone()) { // the create: subscribe now
                send("{\"a\":\"s\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"v\":1}");
                version = 1;
                ready.complete(null);
                return;
            }
            if (measuring) {
                if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                latencies[count++] = now - sentAt;
            }
            version = Math.max(version, v + 1);
            long wait = paceNanos == 0 ? 0 : sentAt + paceNanos - now;
            if (wait <= 0) next();
            else PACER.schedule(this::next, wait, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        void next() {
            if (stopped) return;
            sentAt = System.nanoTime();
            send("{\"a\":\"op\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"seq\":" + (++seq) + ",\"v\":" + version
                    + ",\"op\":[\"x\"]}");
        }

        private void send(String text) {
            socket.sendText(text, true);
        }

        private static String group(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) throw new IllegalStateException("unexpected frame: " + text);
            return m.group(1);
        }
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        String project = args[2];
        int docs = Integer.parseInt(args[3]);
        int perDoc = Integer.parseInt(args[4]);
        long warmup = Long.parseLong(args[5]);
        long measure = Long.parseLong(args[6]);
        double pace = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        paceNanos = pace <= 0 ? 0 : (long) (1e9 / pace);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<Client> clients = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int d = 0; d < docs; d++) {
            for (int c = 0; c < perDoc; c++) clients.add(new Client(project, "bench-" + run + "/doc-" + d + ".txt", c == 0));
        }
        long t0 = System.nanoTime();
        connect(http, uri, token, clients.stream().filter(c -> c.creator).toList());
        connect(http, uri, token, clients.stream().filter(c -> !c.creator).toList());
        System.err.printf("connected and subscribed %d clients on %d documents in %d ms%n", clients.size(), docs,
                (System.nanoTime() - t0) / 1_000_000);

        clients.forEach(Client::next);
        Thread.sleep(warmup * 1000);
        clients.forEach(c -> c.measuring = true);
        long start = System.nanoTime();
        Thread.sleep(measure * 1000);
        clients.forEach(c -> c.measuring = false);
        long elapsed = System.nanoTime() - start;
        clients.forEach(c -> c.stopped = true);
        System.out.print(pace <= 0 ? "closed-loop " : "pace_per_client=" + pace + "/s ");
        report(clients, docs, perDoc, elapsed);
        for (Client c : clients) c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        Thread.sleep(500);
    }

    private static void connect(HttpClient http, URI uri, String token, List<Client> clients) {
        int batch = 200; // handshakes in flight at once
        for (int i = 0; i < clients.size(); i += batch) {
            List<Client> slice = clients.subList(i, Math.min(clients.size(), i + batch));
            for (Client c : slice) {
                http.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(uri, c).join();
            }
            CompletableFuture.allOf(slice.stream().map(c -> c.ready).toArray(CompletableFuture[]::new)).orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    private static void report(List<Client> clients, int docs, int perDoc, long elapsedNanos) {
        int total = clients.stream().mapToInt(c -> c.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Client c : clients) {
            System.arraycopy(c.latencies, 0, all, at, c.count);
            at += c.count;
        }
        Arrays.sort(all);
        double seconds = elapsedNanos / 1e9;
        System.out.printf("docs=%d clients_per_doc=%d clients=%d acked_ops=%d ops_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                docs, perDoc, clients.size(), total, total / seconds, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
