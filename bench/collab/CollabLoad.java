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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for /ws/collab speaking ShareDB's protocol, as its client does: each client
 * subscribes to its document, keeps one op in flight, and sends the next as soon as the last is
 * acknowledged (a closed loop, so offered load follows the server), or, with PACE, one op every
 * 1/PACE seconds from a random phase (a typist's rate; the offered load is then clients x PACE
 * ops/s as long as the server keeps up). Every op inserts one character at the start, based on the
 * newest version the client knows (from its acks and from the ops of others it receives, as
 * ShareDB's client does).
 *
 * Reports, over the measured window after a warm-up: acknowledged ops per second; ack latency
 * (send to the sender's ack); broadcast latency (send to the moment another client subscribed to
 * the same document receives the op: all clients live in this JVM, so a received op's (src, seq)
 * maps back to its send time); and the time it took to connect and subscribe everyone.
 *
 *   java CollabLoad.java URL TOKEN PROJECT DOCS CLIENTS_PER_DOC WARMUP_S MEASURE_S [PACE [HOLD_S]]
 *
 * HOLD_S keeps the sockets open (and idle) that long after the measurement, printing "holding" on
 * stderr first, so that the bench script can measure the server with every connection open.
 * Bounded: it stops after connect + WARMUP_S + MEASURE_S + HOLD_S, and talks to the given loopback
 * address only. -Dconnect.concurrency=N bounds the handshakes and subscriptions in flight (100).
 */
public class CollabLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern V = Pattern.compile("\"v\":(\\d+)");
    private static final ScheduledExecutorService PACER =
            Executors.newScheduledThreadPool(2, r -> Thread.ofPlatform().daemon().unstarted(r));
    /** Every client by its connection id, to find the send time of an op another client receives. */
    private static final ConcurrentHashMap<String, Client> BY_SRC = new ConcurrentHashMap<>();
    private static final AtomicInteger ERRORS = new AtomicInteger();
    private static final AtomicInteger CLOSED = new AtomicInteger();
    private static volatile boolean closing;
    private static final int RING = 64; // send times kept per client: ops broadcast later than 64 sends are not timed
    static long paceNanos;

    /** Latency samples of one client, in nanoseconds (appended by that client's socket thread only). */
    static final class Samples {
        long[] values = new long[256];
        int count;

        void add(long nanos) {
            if (count == values.length) values = Arrays.copyOf(values, count * 2);
            values[count++] = nanos;
        }
    }

    static final class Client implements WebSocket.Listener {
        final String collection;
        final String doc;
        final boolean creator;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        final Samples acks = new Samples();
        final Samples broadcasts = new Samples();
        /** Send time and seq of the last RING ops, by seq % RING: read by the other clients' threads. */
        final AtomicLongArray sentAts = new AtomicLongArray(RING);
        final AtomicLongArray sentSeqs = new AtomicLongArray(RING);
        volatile boolean measuring;
        volatile boolean stopped;
        volatile WebSocket socket;
        volatile String src;
        String ackPrefix;
        volatile long version;
        long seq;
        long sentAt;
        long due; // paced: when the next op is due

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
            if (last && partial.isEmpty()) {
                handle(data.toString());
            } else {
                partial.append(data);
                if (last) {
                    String frame = partial.toString();
                    partial.setLength(0);
                    handle(frame);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (!closing) { // before this generator closed it: the server (or the network) did
                int n = CLOSED.incrementAndGet();
                if (n <= 5) System.err.println("closed by the server: " + status + " " + reason);
            }
            ready.completeExceptionally(new IllegalStateException("closed " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (ERRORS.incrementAndGet() <= 5) System.err.println("socket error: " + error);
            ready.completeExceptionally(error);
        }

        private void handle(String frame) {
            if (frame.contains("\"error\":")) { // a refused request, echoed with its error
                if (ERRORS.incrementAndGet() <= 5) System.err.println("error frame: " + frame);
            } else if (frame.startsWith("{\"a\":\"op\"")) { // another client's op (ShareDB and we send these fields first)
                received(frame);
            } else if (ackPrefix != null && frame.startsWith(ackPrefix)) {
                acked(Long.parseLong(group(V, frame)));
            } else if (src == null && frame.contains("\"a\":\"init\"")) {
                String id = group(ID, frame);
                ackPrefix = "{\"src\":\"" + id + "\",\"seq\":";
                src = id;
                BY_SRC.put(id, this);
                if (creator) { // "." rather than "": sharedb-postgres 5.0.1 reads an empty text back as no snapshot
                    send("{\"a\":\"op\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"seq\":" + (++seq)
                            + ",\"create\":{\"type\":\"http://sharejs.org/types/text-unicode\",\"data\":\".\"}}");
                } else {
                    send("{\"a\":\"s\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\"}");
                }
            } else if (!ready.isDone() && frame.contains("\"a\":\"s\"") && frame.contains("\"d\":\"" + doc + "\"")) {
                version = Math.max(version, Long.parseLong(group(V, frame)));
                ready.complete(null);
            }
        }

        /** {"a":"op","c":..,"d":..,"v":V,"src":"S","seq":N,...}: time it against its sender's send. */
        private void received(String frame) {
            long now = System.nanoTime();
            int v = frame.indexOf("\"v\":");
            if (v >= 0) version = Math.max(version, parseLong(frame, v + 4) + 1);
            if (!measuring) return;
            int s = frame.indexOf("\"src\":\"");
            if (s < 0) return;
            int end = frame.indexOf('"', s + 7);
            Client sender = BY_SRC.get(frame.substring(s + 7, end));
            int q = frame.indexOf("\"seq\":", end);
            if (sender == null || q < 0) return;
            long opSeq = parseLong(frame, q + 6);
            int slot = (int) (opSeq % RING);
            long at = sender.sentAts.get(slot);
            if (sender.sentSeqs.get(slot) == opSeq && at != 0) broadcasts.add(now - at);
        }

        private void acked(long v) {
            long now = System.nanoTime();
            if (seq == 1 && creator && !ready.isDone()) { // the create: subscribe now
                send("{\"a\":\"s\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"v\":1}");
                version = Math.max(version, 1);
                ready.complete(null);
                return;
            }
            if (measuring) acks.add(now - sentAt);
            version = Math.max(version, v + 1);
            if (paceNanos == 0) {
                next();
                return;
            }
            due += paceNanos;
            long wait = due - now;
            if (wait <= 0) {
                due = now; // behind schedule (the server lags): no catching up in a burst
                next();
            } else {
                PACER.schedule(this::next, wait, TimeUnit.NANOSECONDS);
            }
        }

        /** Paced clients start at a random phase, so that their sends spread over the period. */
        void start() {
            if (paceNanos == 0) {
                next();
            } else {
                long phase = ThreadLocalRandom.current().nextLong(paceNanos);
                due = System.nanoTime() + phase;
                PACER.schedule(this::next, phase, TimeUnit.NANOSECONDS);
            }
        }

        void next() {
            if (stopped) return;
            long s = ++seq;
            sentAt = System.nanoTime();
            int slot = (int) (s % RING);
            sentSeqs.set(slot, s);
            sentAts.set(slot, sentAt);
            send("{\"a\":\"op\",\"c\":\"" + collection + "\",\"d\":\"" + doc + "\",\"seq\":" + s + ",\"v\":" + version
                    + ",\"op\":[\"x\"]}");
        }

        private void send(String text) {
            socket.sendText(text, true);
        }

        private static long parseLong(String text, int from) {
            long n = 0;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') break;
                n = n * 10 + (c - '0');
            }
            return n;
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
        long hold = args.length > 8 ? Long.parseLong(args[8]) : 0;
        paceNanos = pace <= 0 ? 0 : (long) (1e9 / pace);
        // A few HTTP clients, each with its own selector thread, share the sockets.
        HttpClient[] http = new HttpClient[Integer.getInteger("http.clients", 4)];
        for (int i = 0; i < http.length; i++) {
            http[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        }
        List<Client> clients = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int d = 0; d < docs; d++) {
            for (int c = 0; c < perDoc; c++) clients.add(new Client(project, "bench-" + run + "/doc-" + d + ".txt", c == 0));
        }
        long t0 = System.nanoTime();
        int concurrency = Integer.getInteger("connect.concurrency", 100);
        connect(http, uri, token, clients.stream().filter(c -> c.creator).toList(), concurrency);
        long createMillis = (System.nanoTime() - t0) / 1_000_000;
        connect(http, uri, token, clients.stream().filter(c -> !c.creator).toList(), concurrency);
        long connectMillis = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf("connected and subscribed %d clients on %d documents in %d ms (%d creators in %d ms,"
                + " %d subscribers in %d ms; %d in flight at most)%n", clients.size(), docs, connectMillis, docs, createMillis,
                clients.size() - docs, connectMillis - createMillis, concurrency);

        clients.forEach(Client::start);
        Thread.sleep(warmup * 1000);
        clients.forEach(c -> c.measuring = true);
        long start = System.nanoTime();
        long[] cpuBefore = cpuTicks();
        Thread.sleep(measure * 1000);
        long[] cpuAfter = cpuTicks();
        clients.forEach(c -> c.measuring = false);
        long elapsed = System.nanoTime() - start;
        cpu = cpuCores(cpuBefore, cpuAfter, elapsed);
        clients.forEach(c -> c.stopped = true);
        if (hold > 0) {
            Thread.sleep(2000); // the last acks arrive
            System.err.println("holding " + (clients.size() - CLOSED.get()) + " open connections for " + hold + " s");
            Thread.sleep(hold * 1000);
        }
        report(clients, docs, perDoc, pace, elapsed, connectMillis, createMillis); // closed_by_server includes the hold
        closing = true;
        for (Client c : clients) {
            if (c.socket != null && !c.socket.isOutputClosed()) c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        Thread.sleep(500);
        System.exit(0);
    }

    /** Connects and subscribes every client, with at most {@code concurrency} of them in progress at once. */
    private static void connect(HttpClient[] http, URI uri, String token, List<Client> clients, int concurrency)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Void>> all = new ArrayList<>(clients.size());
        int i = 0;
        for (Client c : clients) {
            inFlight.acquire();
            http[i++ % http.length].newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(uri, c).whenComplete((ws, error) -> {
                        if (error != null) c.ready.completeExceptionally(error);
                    });
            CompletableFuture<Void> done = c.ready.orTimeout(120, TimeUnit.SECONDS).whenComplete((ok, error) -> inFlight.release());
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    private static void report(List<Client> clients, int docs, int perDoc, double pace, long elapsedNanos, long connectMillis,
            long createMillis) {
        long[] acks = merge(clients.stream().map(c -> c.acks).toList());
        long[] broadcasts = merge(clients.stream().map(c -> c.broadcasts).toList());
        double seconds = elapsedNanos / 1e9;
        System.out.printf("mode=%s docs=%d clients_per_doc=%d clients=%d offered_ops_per_s=%s acked_ops=%d ops_per_s=%.0f"
                        + " ack_p50_ms=%.2f ack_p99_ms=%.2f ack_max_ms=%.2f bcast_n=%d bcast_p50_ms=%.2f bcast_p99_ms=%.2f"
                        + " bcast_max_ms=%.2f connect_ms=%d create_ms=%d errors=%d closed_by_server=%d%s%n",
                pace <= 0 ? "closed" : "paced", docs, perDoc, clients.size(),
                pace <= 0 ? "-" : String.format("%.0f", clients.size() * pace), acks.length, acks.length / seconds,
                pct(acks, 0.50), pct(acks, 0.99), pct(acks, 1), broadcasts.length, pct(broadcasts, 0.50),
                pct(broadcasts, 0.99), pct(broadcasts, 1), connectMillis, createMillis, ERRORS.get(), CLOSED.get(), cpu);
    }

    static String cpu = "";

    /**
     * CPU time (clock ticks) of the processes named by -Dcpu.pids=label:pid,... (each with its child
     * processes, so a PostgreSQL postmaster counts its backends) and of this JVM ("load"), from /proc.
     */
    private static long[] cpuTicks() {
        String[] specs = System.getProperty("cpu.pids", "").isBlank() ? new String[0] : System.getProperty("cpu.pids").split(",");
        long[] ticks = new long[specs.length + 1];
        java.util.Map<Long, long[]> all = new java.util.HashMap<>(); // pid -> {ppid, ticks}
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : (Iterable<java.nio.file.Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    all.put(Long.parseLong(name), new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return ticks;
        }
        for (int i = 0; i < specs.length; i++) {
            long pid = Long.parseLong(specs[i].split(":")[1]);
            for (var e : all.entrySet()) {
                if (e.getKey() == pid || e.getValue()[0] == pid) ticks[i] += e.getValue()[1];
            }
        }
        long[] self = all.get(ProcessHandle.current().pid());
        ticks[specs.length] = self == null ? 0 : self[1];
        return ticks;
    }

    private static String cpuCores(long[] before, long[] after, long elapsedNanos) {
        String[] specs = System.getProperty("cpu.pids", "").isBlank() ? new String[0] : System.getProperty("cpu.pids").split(",");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= specs.length; i++) {
            String label = i < specs.length ? specs[i].split(":")[0] : "load";
            double cores = (after[i] - before[i]) / 100.0 / (elapsedNanos / 1e9); // USER_HZ is 100 on Linux
            // a child that exited in the window (a pool closing an idle connection) takes its CPU time along
            out.append(cores < 0 ? String.format(" cpu_%s=n/a", label) : String.format(" cpu_%s=%.2f", label, cores));
        }
        return out.toString();
    }

    private static long[] merge(List<Samples> parts) {
        long[] all = new long[parts.stream().mapToInt(s -> s.count).sum()];
        int at = 0;
        for (Samples s : parts) {
            System.arraycopy(s.values, 0, all, at, s.count);
            at += s.count;
        }
        Arrays.sort(all);
        return all;
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
