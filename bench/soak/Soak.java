import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak test: simulated users, spread over the nodes given, doing a realistic mix for a
 * bounded time — sign in, list and open projects, read the tree and a file, edit a shared document
 * live (ShareDB ops over /ws/collab, each waiting for its ack), search, exec a command in the
 * shared workspace — with a think time between actions. Every SAMPLE seconds it records each
 * node's heap and open file descriptors (from its management port's /actuator/prometheus). At the end: per action the
 * count, errors, p50 and p99; the samples; and the total error count.
 *
 *   java Soak.java DURATION_S USERS SAMPLE_S THINK_MS PROJECT ADMIN_TOKEN http://127.0.0.1:18101,http://127.0.0.1:18111 http://127.0.0.1:18102,http://127.0.0.1:18112
 *
 * Users are registered by the run (soak-N@vaporform.test) and added to PROJECT as collaborators.
 * Bounded in time (DURATION_S), in users, and talks only to the loopback addresses given.
 */
public class Soak {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PASSWORD = "Jr4#walnut-Cobalt-8812-dune";
    static final Map<String, List<Long>> LATENCIES = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();
    static volatile boolean running = true;

    /** A node's public address and its management server's (metrics), given as {@code BASE,MANAGEMENT}. */
    record Node(String base, String management) {
        static Node of(String arg) { String[] urls = arg.split(",", 2); return new Node(urls[0], urls.length > 1 ? urls[1] : urls[0]); }
        String ws() { return base.replace("http://", "ws://"); }
    }

    public static void main(String[] args) throws Exception {
        long duration = Long.parseLong(args[0]);
        int users = Integer.parseInt(args[1]);
        long sample = Long.parseLong(args[2]);
        long think = Long.parseLong(args[3]);
        String project = args[4];
        String adminToken = args[5];
        List<Node> nodes = new ArrayList<>();
        for (int i = 6; i < args.length; i++) nodes.add(Node.of(args[i]));

        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String email = "soak-" + u + "@vaporform.test";
            Node home = nodes.get(u % nodes.size());
            call(home, "POST", "/api/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Soak " + u + "\"}");
            call(home, "POST", "/api/projects/" + project + "/collaborators", adminToken, "{\"email\":\"" + email + "\",\"role\":\"collaborator\"}");
            int id = u;
            threads.add(Thread.ofVirtual().start(() -> user(id, email, home, nodes, project, think)));
        }
        List<String> samples = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            StringBuilder line = new StringBuilder(String.format("t=%4ds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
            for (Node n : nodes) line.append(sampleOf(n));
            samples.add(line.toString());
            Thread.sleep(Math.min(TimeUnit.SECONDS.toMillis(sample), Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
        running = false;
        for (Thread t : threads) t.join(Duration.ofSeconds(30));
        StringBuilder last = new StringBuilder(String.format("t=%4ds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
        for (Node n : nodes) last.append(sampleOf(n));
        samples.add(last.toString());

        System.out.println("| action | count | errors | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        long totalErrors = 0;
        for (String action : new java.util.TreeSet<>(LATENCIES.keySet())) {
            List<Long> l = new ArrayList<>(LATENCIES.get(action));
            Collections.sort(l);
            long errors = ERRORS.getOrDefault(action, new AtomicLong()).get();
            totalErrors += errors;
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", action, l.size(), errors, pct(l, 50), pct(l, 99),
                    l.isEmpty() ? 0.0 : l.getLast() / 1e6);
        }
        for (var e : ERRORS.entrySet()) if (!LATENCIES.containsKey(e.getKey())) totalErrors += e.getValue().get();
        System.out.println();
        System.out.println("errors: " + totalErrors + (FIRST_ERROR.isEmpty() ? "" : "  first of each: " + FIRST_ERROR));
        System.out.println();
        System.out.println("samples (per node: heap used MiB, open fds, live threads, open websockets):");
        samples.forEach(System.out::println);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** One user: signs in on its node, then loops over the mix until the run ends. */
    static void user(int id, String email, Node home, List<Node> nodes, String project, long think) {
        Random random = new Random(id);
        String token = null;
        String doc = "soak/doc-" + (id % 5) + ".txt";
        while (running) {
            try {
                if (token == null) {
                    String body = timed("sign-in", () -> call(home, "POST", "/api/auth/login", null,
                            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
                    token = field(body, "accessToken");
                }
                String t = token;
                Node node = nodes.get(random.nextInt(nodes.size())); // a load balancer without affinity
                switch (random.nextInt(10)) {
                    case 0, 1 -> timed("browse", () -> {
                        call(node, "GET", "/api/projects", t, null);
                        call(node, "GET", "/api/projects/" + project, t, null);
                        return call(node, "GET", "/api/projects/" + project + "/tree", t, null);
                    });
                    case 2 -> timed("read-file", () -> call(node, "GET", "/api/projects/" + project + "/files/README.md", t, null));
                    case 3, 4, 5 -> editLive(node, t, project, doc, random);
                    case 6 -> timed("search", () -> call(node, "GET", "/api/projects/" + project + "/search?q=soak&limit=20", t, null));
                    case 7 -> timed("exec", () -> call(node, "POST", "/api/projects/" + project + "/workspace/exec", t,
                            "{\"command\":[\"sh\",\"-c\",\"echo soak-" + id + " && ls /workspace | wc -l\"],\"timeoutSeconds\":20}"));
                    case 8 -> timed("write-file", () -> call(node, "PUT", "/api/projects/" + project + "/files/soak/notes-" + id + ".md", t,
                            "soak notes of user " + id + " at " + Instant.now() + "\n"));
                    default -> {
                        if (random.nextInt(20) == 0) token = null; // now and then a user signs in again
                        timed("me", () -> call(node, "GET", "/api/auth/me", t, null));
                    }
                }
            } catch (Exception e) {
                // counted by timed(); a failed sign-in retries after the think time
            }
            sleep(think / 2 + random.nextLong(think + 1));
        }
    }

    /** Opens /ws/collab with a ticket, subscribes to the document (creating it once), types 5 characters, each acked. */
    static void editLive(Node node, String token, String project, String doc, Random random) throws Exception {
        timed("edit-live", () -> {
            String ticket = field(call(node, "POST", "/api/realtime/tickets", token, null), "ticket");
            var frames = new LinkedBlockingQueue<String>();
            WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(node.ws() + "/ws/collab?ticket=" + ticket), new Collector(frames)).get(10, TimeUnit.SECONDS);
            try {
                String init = await(frames, f -> f.contains("\"a\":\"init\""));
                String src = field(init, "id");
                socket.sendText("{\"a\":\"s\",\"c\":\"" + project + "\",\"d\":\"" + doc + "\"}", true).join();
                String snapshot = await(frames, f -> f.contains("\"a\":\"s\""));
                int seq = 1;
                if (!snapshot.contains("\"type\":\"")) {
                    // nobody created it yet: create it (another user may win the race: then it exists)
                    socket.sendText("{\"a\":\"op\",\"c\":\"" + project + "\",\"d\":\"" + doc + "\",\"seq\":" + seq
                            + ",\"create\":{\"type\":\"http://sharejs.org/types/text-unicode\",\"data\":\"\"}}", true).join();
                    awaitAck(frames, src, seq++);
                }
                for (int i = 0; i < 5; i++) {
                    socket.sendText("{\"a\":\"op\",\"c\":\"" + project + "\",\"d\":\"" + doc + "\",\"seq\":" + seq + ",\"v\":null,\"op\":[\""
                            + (char) ('a' + random.nextInt(26)) + "\"]}", true).join();
                    String ack = awaitAck(frames, src, seq++);
                    if (ack.contains("\"error\"")) throw new IllegalStateException("op: " + ack);
                }
            } finally {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            }
            return "";
        });
    }

    static String awaitAck(LinkedBlockingQueue<String> frames, String src, int seq) throws Exception {
        Pattern ofSeq = Pattern.compile("\"seq\":" + seq + "[,}]");
        return await(frames, f -> f.contains("\"a\":\"op\"") && f.contains("\"src\":\"" + src + "\"") && ofSeq.matcher(f).find()
                && !f.contains("\"op\":[") && !f.contains("\"create\""));
    }

    static String await(LinkedBlockingQueue<String> frames, java.util.function.Predicate<String> match) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && match.test(f)) return f;
        }
        throw new IllegalStateException("no such frame within 15 s");
    }

    static final class Collector implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames;
        final StringBuilder partial = new StringBuilder();
        Collector(LinkedBlockingQueue<String> frames) { this.frames = frames; }
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    interface Action { String run() throws Exception; }

    static String timed(String name, Action action) throws Exception {
        long start = System.nanoTime();
        try {
            String result = action.run();
            LATENCIES.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            return result;
        } catch (Exception e) {
            if (running) {
                ERRORS.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                FIRST_ERROR.putIfAbsent(name, String.valueOf(e.getMessage()));
            }
            throw e;
        }
    }

    static String call(Node node, String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) {
            builder.header("Content-Type", path.contains("/files/") ? "application/octet-stream" : "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        return response.body();
    }

    static String sampleOf(Node node) {
        try {
            String metrics = call(new Node(node.management(), node.management()), "GET", "/actuator/prometheus", null, null);
            double heap = sum(metrics, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}") / (1024 * 1024);
            double fds = sum(metrics, "process_files_open_files(\\{[^}]*\\})?");
            double threads = sum(metrics, "jvm_threads_live_threads(\\{[^}]*\\})?");
            double sockets = sum(metrics, "vaporform_websocket_sessions\\{[^}]*\\}");
            return String.format("  %s heap=%.0f fds=%.0f threads=%.0f ws=%.0f", node.base().replaceAll(".*:", ":"), heap, fds, threads, sockets);
        } catch (Exception e) {
            ERRORS.computeIfAbsent("sample", k -> new AtomicLong()).incrementAndGet();
            return "  " + node.base() + " unreachable";
        }
    }

    static double sum(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) total += Double.parseDouble(m.group(m.groupCount()));
        return total;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    static long longField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return Long.parseLong(m.group(1));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
