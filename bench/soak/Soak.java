import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
 * With FLOODS (environment: {@code on} for all, or a list of {@code login,register,search,import})
 * the run is a sequence of PHASES of DURATION_S each (default {@code off,on,off,on}), after a
 * WARMUP (30 s) that is not counted and with a GAP (15 s) between phases, also not counted, that
 * begins once the previous phase's floods have answered. In an {@code on} phase abusive tenants
 * flood the nodes beside the normal users, each from its own client address and with its own
 * account and project; their answers are counted by status, apart from the normal users'. A
 * normal action counts in the phase it started in. Then the tables compare the normal users'
 * errors and p99 per action with floods and without.
 *
 * Every simulated client has its own address, sent as X-Forwarded-For (the nodes take it from a
 * loopback peer as from a load balancer), so per-address rate limits see them apart as in a
 * deployment: normal users 198.51.100.0/24, attackers 203.0.113.0/24.
 *
 * Users are registered by the run (soak-N@vaporform.test) and added to PROJECT as collaborators.
 * Bounded in time (phases, floods stop at their phase's end, requests time out), in users and in
 * flood requests per phase, and talks only to the loopback addresses given.
 */
public class Soak {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The attackers' own connections, so their queueing never holds a normal user's request. */
    static final HttpClient ATTACK_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PASSWORD = "Jr4#walnut-Cobalt-8812-dune";
    /** phase → action → latencies (ns) and errors of the normal users. */
    static final Map<String, Map<String, List<Long>>> LATENCIES = new ConcurrentHashMap<>();
    static final Map<String, Map<String, AtomicLong>> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();
    /** The simulated client's address, sent as X-Forwarded-For. */
    static final ThreadLocal<String> CLIENT = new ThreadLocal<>();
    static final List<String> SAMPLES = Collections.synchronizedList(new ArrayList<>());
    static final String WARMUP = "warm-up", GAP = "gap";
    static final long TOKEN_RENEWAL_NS = TimeUnit.MINUTES.toNanos(10); // access tokens live 15 min
    static final List<String> TIMELINE = Collections.synchronizedList(new ArrayList<>());
    static volatile boolean running = true;
    static volatile String phase = WARMUP;

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
        List<String> floodNames = Floods.selected(env("FLOODS", "off"));
        List<String> phases = List.of(env("PHASES", floodNames.isEmpty() ? "off" : "off,on,off,on").split(","));
        boolean phased = phases.size() > 1 || !floodNames.isEmpty();
        long warmup = Long.parseLong(env("WARMUP", phased ? "30" : "0"));
        long gap = Long.parseLong(env("GAP", "15"));
        for (String kind : phases) {
            if (!kind.strip().equals("off") && !kind.strip().equals("on") && !floodNames.contains(kind.strip())) {
                throw new IllegalArgumentException("PHASES: " + kind + " is neither off, on nor one of FLOODS " + floodNames);
            }
        }
        List<Flood> floods = Floods.prepare(floodNames, nodes);
        if (warmup == 0) phase = phases.getFirst().strip() + "#1";

        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String email = "soak-" + u + "@vaporform.test";
            String address = "198.51.100." + (u % 250 + 1);
            Node home = nodes.get(u % nodes.size());
            CLIENT.set(address);
            call(home, "POST", "/api/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Soak " + u + "\"}");
            CLIENT.remove();
            call(home, "POST", "/api/projects/" + project + "/collaborators", adminToken, "{\"email\":\"" + email + "\",\"role\":\"collaborator\"}");
            int id = u;
            threads.add(Thread.ofVirtual().start(() -> {
                CLIENT.set(address);
                user(id, email, home, nodes, project, think);
            }));
        }
        long started = System.nanoTime();
        Thread sampler = Thread.ofVirtual().start(() -> sampleEvery(sample, nodes, started));
        if (warmup > 0) sleep(TimeUnit.SECONDS.toMillis(warmup));
        List<String> labels = runPhases(phases, duration, gap, floods, nodes);
        running = false;
        for (Thread t : threads) t.join(Duration.ofSeconds(30));
        sampler.interrupt();
        sampler.join(Duration.ofSeconds(10));
        SAMPLES.add(sampleLine(nodes, started));

        if (phased) Report.phased(labels, floods);
        else Report.single(labels.getFirst());
        System.out.println();
        System.out.println("samples (per node: heap used MiB, open fds, live threads, open websockets):");
        SAMPLES.forEach(System.out::println);
    }

    /** @return the phases' labels (off#1, on#1, …), in the order run */
    static List<String> runPhases(List<String> phases, long duration, long gap, List<Flood> floods, List<Node> nodes) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            String kind = phases.get(i).strip();
            String label = kind + "#" + seen.merge(kind, 1, Integer::sum);
            labels.add(label);
            if (i > 0 && gap > 0) {
                phase = GAP;
                sleep(TimeUnit.SECONDS.toMillis(gap));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
            String began = Instant.now() + " load " + loadAverage();
            phase = label;
            List<Thread> attackers = new ArrayList<>();
            for (Flood f : floods) if (kind.equals("on") || kind.equals(f.name)) attackers.addAll(f.start(label, i, end, nodes));
            sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            phase = GAP;
            String ended = Instant.now() + " load " + loadAverage();
            for (Thread t : attackers) join(t); // the gap begins once every flood request has been answered
            TIMELINE.add(String.format("%-6s %s → %s%s", label, began, ended, attackers.isEmpty() ? ""
                    : String.format(", floods answered %.0f s after the phase's end", (System.nanoTime() - end) / 1e9)));
        }
        return labels;
    }

    static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "?";
        }
    }

    static void sampleEvery(long seconds, List<Node> nodes, long started) {
        while (!Thread.currentThread().isInterrupted()) {
            SAMPLES.add(sampleLine(nodes, started));
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String sampleLine(List<Node> nodes, long started) {
        StringBuilder line = new StringBuilder(String.format("t=%4ds %-7s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), phase));
        for (Node n : nodes) line.append(sampleOf(n));
        return line.toString();
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** One user: signs in on its node, then loops over the mix until the run ends. */
    static void user(int id, String email, Node home, List<Node> nodes, String project, long think) {
        Random random = new Random(id);
        String token = null;
        long signedIn = 0;
        String doc = "soak/doc-" + (id % 5) + ".txt";
        while (running) {
            try {
                if (token != null && System.nanoTime() - signedIn > TOKEN_RENEWAL_NS) token = null; // as the browser renews it
                if (token == null) {
                    String body = timed("sign-in", () -> call(home, "POST", "/api/auth/login", null,
                            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
                    token = field(body, "accessToken");
                    signedIn = System.nanoTime();
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
                    case 6 -> timed("search", () -> complete(call(node, "GET", "/api/projects/" + project + "/search?q=soak&limit=20", t, null), 20));
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

    /** A search cut short before its limit timed out: the user did not get every hit. */
    static String complete(String results, int limit) {
        if (results.contains("\"truncated\":true") && longField(results, "total") < limit) {
            throw new IllegalStateException("search timed out with " + longField(results, "total") + " hits");
        }
        return results;
    }

    /** Opens /ws/collab with a ticket, subscribes to the document (creating it once), types 5 characters, each acked. */
    static void editLive(Node node, String token, String project, String doc, Random random) throws Exception {
        timed("edit-live", () -> {
            String ticket = field(call(node, "POST", "/api/realtime/tickets", token, null), "ticket");
            var frames = new LinkedBlockingQueue<String>();
            var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (CLIENT.get() != null) builder.header("X-Forwarded-For", CLIENT.get());
            WebSocket socket = builder.buildAsync(URI.create(node.ws() + "/ws/collab?ticket=" + ticket), new Collector(frames)).get(10, TimeUnit.SECONDS);
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

    /** Runs a normal user's action, counted in the phase it started in (not at all in the warm-up and the gaps). */
    static String timed(String name, Action action) throws Exception {
        String in = phase;
        long start = System.nanoTime();
        try {
            String result = action.run();
            LATENCIES.computeIfAbsent(in, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            return result;
        } catch (Exception e) {
            if (running) {
                ERRORS.computeIfAbsent(in, k -> new ConcurrentHashMap<>()).computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                if (!in.equals(WARMUP) && !in.equals(GAP)) FIRST_ERROR.putIfAbsent(in + " " + name, String.valueOf(e.getMessage()));
            }
            throw e;
        }
    }

    static String call(Node node, String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (CLIENT.get() != null) builder.header("X-Forwarded-For", CLIENT.get());
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
            ERRORS.computeIfAbsent(phase, k -> new ConcurrentHashMap<>()).computeIfAbsent("sample", k -> new AtomicLong()).incrementAndGet();
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

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds one flood request: for the phase's number, the worker, and the worker's attempt. */
    interface Attempt { HttpRequest.Builder build(Node node, int phaseNo, int worker, long n) throws Exception; }

    /**
     * One abusive tenant's flood: WORKERS clients in a closed loop (each sends its next request once
     * the last is answered, after PAUSE), until the phase ends or CAP requests were sent in it.
     * The answers are counted per phase by status and problem code.
     */
    static final class Flood {
        /** Long enough that a flood request is answered, not abandoned while the server still works on it. */
        static final Duration TIMEOUT = Duration.ofSeconds(Long.parseLong(env("FLOOD_TIMEOUT", "300")));
        final String name, description, address;
        final int workers, cap;
        final long pauseMs;
        final Attempt attempt;
        final Map<String, Map<String, AtomicLong>> answers = new ConcurrentHashMap<>();
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

        Flood(String name, String description, String address, int workers, long pauseMs, int cap, Attempt attempt) {
            this.name = name;
            this.description = description;
            this.address = address;
            this.workers = workers;
            this.pauseMs = pauseMs;
            this.cap = cap;
            this.attempt = attempt;
        }

        List<Thread> start(String label, int phaseNo, long end, List<Node> nodes) {
            AtomicLong sent = new AtomicLong();
            answers.put(label, new ConcurrentHashMap<>());
            latencies.put(label, Collections.synchronizedList(new ArrayList<>()));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                threads.add(Thread.ofVirtual().start(() -> loop(label, phaseNo, worker, end, nodes, sent)));
            }
            return threads;
        }

        private void loop(String label, int phaseNo, int worker, long end, List<Node> nodes, AtomicLong sent) {
            Random random = new Random(31L * phaseNo + worker);
            for (long n = 0; System.nanoTime() < end; n++) {
                if (sent.incrementAndGet() > cap) return;
                long start = System.nanoTime();
                String answer = send(label, phaseNo, worker, n, nodes.get(random.nextInt(nodes.size())));
                latencies.get(label).add(System.nanoTime() - start);
                answers.get(label).computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
                if (pauseMs > 0) sleep(pauseMs);
            }
        }

        /** @return the status and problem code of the answer, or what went wrong sending it */
        private String send(String label, int phaseNo, int worker, long n, Node node) {
            try {
                var builder = attempt.build(node, phaseNo, worker, n).timeout(TIMEOUT)
                        .header("X-Forwarded-For", address.replace("{phase}", String.valueOf(phaseNo + 1)));
                HttpResponse<String> response = ATTACK_HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(response.body());
                return response.statusCode() + (response.statusCode() >= 400 && code.find() ? " " + code.group(1) : "");
            } catch (Exception e) {
                return e.getClass().getSimpleName();
            }
        }
    }

    /** The floods: their abusive tenants (accounts, projects, files) are set up before the normal users start. */
    static final class Floods {
        static final List<String> ALL = List.of("login", "register", "search", "import");

        static List<String> selected(String setting) {
            if (setting.equals("off")) return List.of();
            if (setting.equals("on")) return ALL;
            List<String> names = List.of(setting.split(","));
            for (String n : names) if (!ALL.contains(n)) throw new IllegalArgumentException("FLOODS: unknown flood " + n + ", known: " + ALL);
            return names;
        }

        /**
         * Every attacker client waits this long between requests: once a flood is refused at once
         * (429, 503), a client without a pause measures how fast the load generator, on the same
         * cores, can make requests rather than what the server does with the flood.
         */
        static long pause() {
            return Long.parseLong(env("FLOOD_PAUSE_MS", "100"));
        }

        static List<Flood> prepare(List<String> names, List<Node> nodes) throws Exception {
            List<Flood> floods = new ArrayList<>();
            Node home = nodes.getFirst();
            for (String name : names) {
                floods.add(switch (name) {
                    case "login" -> login(home);
                    case "register" -> register();
                    case "search" -> search(home);
                    default -> importZips(home);
                });
            }
            return floods;
        }

        /** Wrong passwords for one account, in parallel, from one address. */
        static Flood login(Node home) throws Exception {
            String victim = "flood-victim@vaporform.test";
            signUp(home, victim, "203.0.113.1");
            int workers = Integer.parseInt(env("FLOOD_LOGIN", "20"));
            return new Flood("login", workers + " parallel wrong passwords for one account", "203.0.113.2",
                    workers, pause(), Integer.parseInt(env("FLOOD_LOGIN_CAP", "30000")),
                    (node, phaseNo, worker, n) -> json(node, "/api/auth/login", null,
                            "{\"email\":\"" + victim + "\",\"password\":\"wrong-" + worker + "-" + n + "\"}"));
        }

        /** Registrations in parallel from one address (a fresh address per phase, so every phase sees the same attack). */
        static Flood register() {
            int workers = Integer.parseInt(env("FLOOD_REGISTER", "20"));
            return new Flood("register", workers + " parallel registrations from one address", "203.0.113.1{phase}",
                    workers, pause(), Integer.parseInt(env("FLOOD_REGISTER_CAP", "30000")),
                    (node, phaseNo, worker, n) -> json(node, "/api/auth/register", null,
                            "{\"email\":\"flood-" + phaseNo + "-" + worker + "-" + n + "@vaporform.test\",\"password\":\"" + PASSWORD
                                    + "\",\"name\":\"Flood\"}"));
        }

        /** Catastrophic regular expressions over the attacker's own project of long a…ab lines. */
        static Flood search(Node home) throws Exception {
            String address = "203.0.113.3";
            String token = signUp(home, "flood-search@vaporform.test", address);
            String project = newProject(home, token, address, "flood-search");
            String line = "a".repeat(Integer.parseInt(env("SEARCH_LINE", "48"))) + "b\n";
            String content = line.repeat(100);
            CLIENT.set(address);
            for (int i = 0; i < Integer.parseInt(env("SEARCH_FILES", "32")); i++) {
                call(home, "PUT", "/api/projects/" + project + "/files/evil/aaa-" + i + ".txt", token, content);
            }
            CLIENT.remove();
            int workers = Integer.parseInt(env("FLOOD_SEARCH", "20"));
            // exponential in a backtracking engine (java.util.regex, JDK 25: 2.7 s on 30 a and a b,
            // doubling per a), so the attack stays what it was when the server matched that way;
            // valid RE2 (no back reference), so it is matched rather than refused
            String regex = env("SEARCH_REGEX", "(.*a){12}$");
            String q = URLEncoder.encode(regex, StandardCharsets.UTF_8);
            return new Flood("search", workers + " parallel searches for " + regex + " over lines of " + (line.length() - 2) + " a and a b",
                    address, workers, pause(), Integer.parseInt(env("FLOOD_SEARCH_CAP", "30000")),
                    (node, phaseNo, worker, n) -> HttpRequest.newBuilder(URI.create(node.base() + "/api/projects/" + project
                            + "/search?regex=true&limit=100&q=" + q)).header("Authorization", "Bearer " + token).GET());
        }

        /** Zip imports in parallel into the attacker's own project. */
        static Flood importZips(Node home) throws Exception {
            String address = "203.0.113.4";
            String token = signUp(home, "flood-import@vaporform.test", address);
            String project = newProject(home, token, address, "flood-import");
            int workers = Integer.parseInt(env("FLOOD_IMPORT", "10"));
            int files = Integer.parseInt(env("IMPORT_FILES", "1000"));
            int kib = Integer.parseInt(env("IMPORT_FILE_KB", "6"));
            List<byte[]> zips = new ArrayList<>();
            for (int w = 0; w < workers; w++) zips.add(zip(w, files, kib));
            return new Flood("import", workers + " parallel imports of a " + zips.getFirst().length / (1024 * 1024) + " MiB zip ("
                    + files + " files of " + kib + " KiB)", address, workers, pause(), Integer.parseInt(env("FLOOD_IMPORT_CAP", "500")),
                    (node, phaseNo, worker, n) -> HttpRequest.newBuilder(URI.create(node.base() + "/api/projects/" + project + "/archive"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(zips.get(worker))));
        }

        /** Text files of random hex (so the zip is a few MB and inflates only about twice). */
        static byte[] zip(int seed, int files, int kib) throws Exception {
            Random random = new Random(seed);
            var bytes = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(bytes)) {
                byte[] row = new byte[32];
                for (int f = 0; f < files; f++) {
                    zip.putNextEntry(new ZipEntry("dump/" + (f % 10) + "/f-" + f + ".txt"));
                    StringBuilder text = new StringBuilder();
                    while (text.length() < kib * 1024) {
                        random.nextBytes(row);
                        text.append(HexFormat.of().formatHex(row)).append('\n');
                    }
                    zip.write(text.toString().getBytes(StandardCharsets.US_ASCII));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        static HttpRequest.Builder json(Node node, String path, String token, String body) {
            var builder = HttpRequest.newBuilder(URI.create(node.base() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) builder.header("Authorization", "Bearer " + token);
            return builder;
        }

        static String signUp(Node home, String email, String address) throws Exception {
            CLIENT.set(address);
            try {
                return field(call(home, "POST", "/api/auth/register", null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Flood\"}"), "accessToken");
            } finally {
                CLIENT.remove();
            }
        }

        static String newProject(Node home, String token, String address, String name) throws Exception {
            CLIENT.set(address);
            try {
                return field(call(home, "POST", "/api/projects", token, "{\"name\":\"" + name + "\"}"), "id");
            } finally {
                CLIENT.remove();
            }
        }
    }

    /** The tables for bench/RESULTS.md. */
    static final class Report {

        /** The normal users in the phases without floods and in those with (pooled per kind), per action. */
        static void compare(List<String> off, List<String> on, List<String> counted) {
            System.out.println();
            System.out.println("Normal users without floods (" + String.join("+", off) + ") and with (" + String.join("+", on) + "):");
            System.out.println("| action | count off | count on | errors off | errors on | p50 off | p50 on | p99 off | p99 on | p99 on/off | max off | max on |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            long errorsOff = 0, errorsOn = 0;
            for (String action : actions(counted)) {
                List<Long> a = sorted(off, action), b = sorted(on, action);
                long ea = errors(off, action), eb = errors(on, action);
                errorsOff += ea;
                errorsOn += eb;
                System.out.printf("| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %.1f |%n", action, a.size(), b.size(), ea, eb,
                        pct(a, 50), pct(b, 50), pct(a, 99), pct(b, 99), pct(a, 99) > 0 ? String.format("%.2f", pct(b, 99) / pct(a, 99)) : "-",
                        a.isEmpty() ? 0.0 : a.getLast() / 1e6, b.isEmpty() ? 0.0 : b.getLast() / 1e6);
            }
            System.out.println();
            System.out.println("normal users' errors: " + errorsOff + " without floods, " + errorsOn + " with");
        }

        static List<Long> sorted(List<String> phases, String action) {
            List<Long> all = new ArrayList<>();
            for (String p : phases) all.addAll(LATENCIES.getOrDefault(p, Map.of()).getOrDefault(action, List.of()));
            Collections.sort(all);
            return all;
        }

        static long errors(List<String> phases, String action) {
            long total = 0;
            for (String p : phases) total += ERRORS.getOrDefault(p, Map.of()).getOrDefault(action, new AtomicLong()).get();
            return total;
        }

        static TreeSet<String> actions(List<String> phases) {
            TreeSet<String> actions = new TreeSet<>();
            for (String p : phases) {
                actions.addAll(LATENCIES.getOrDefault(p, Map.of()).keySet());
                actions.addAll(ERRORS.getOrDefault(p, Map.of()).keySet());
            }
            actions.remove("sample"); // a failed metrics scrape, reported apart
            return actions;
        }

        static void single(String label) {
            System.out.println("| action | count | errors | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            long totalErrors = errors(List.of(label), "sample");
            for (String action : actions(List.of(label))) {
                List<Long> l = sorted(List.of(label), action);
                long errors = errors(List.of(label), action);
                totalErrors += errors;
                System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", action, l.size(), errors, pct(l, 50), pct(l, 99),
                        l.isEmpty() ? 0.0 : l.getLast() / 1e6);
            }
            System.out.println();
            System.out.println("errors: " + totalErrors + (FIRST_ERROR.isEmpty() ? "" : "  first of each: " + FIRST_ERROR));
        }

        static void phased(List<String> labels, List<Flood> floods) {
            System.out.println("Phases (UTC, load average at start and end):");
            TIMELINE.forEach(System.out::println);
            System.out.println();
            List<String> off = labels.stream().filter(l -> l.startsWith("off#")).toList();
            List<String> counted = new ArrayList<>(labels);
            System.out.println("Normal users per phase: count / errors / p99 ms");
            System.out.println("| action | " + String.join(" | ", labels) + " |");
            System.out.println("|---" + "|---".repeat(labels.size()) + "|");
            for (String action : actions(counted)) {
                StringBuilder row = new StringBuilder("| " + action + " |");
                for (String p : labels) {
                    List<Long> l = sorted(List.of(p), action);
                    row.append(String.format(" %d / %d / %.1f |", l.size(), errors(List.of(p), action), pct(l, 99)));
                }
                System.out.println(row);
            }
            List<String> kinds = labels.stream().map(l -> l.substring(0, l.indexOf('#'))).filter(k -> !k.equals("off")).distinct().toList();
            for (String kind : kinds) compare(off, labels.stream().filter(l -> l.startsWith(kind + "#")).toList(), counted);
            System.out.println();
            System.out.println(FIRST_ERROR.isEmpty() ? "no errors" : "first error of each action per phase: " + new TreeMap<>(FIRST_ERROR));
            long samples = 0;
            for (var e : ERRORS.values()) samples += e.getOrDefault("sample", new AtomicLong()).get();
            System.out.println("failed metrics scrapes: " + samples);
            if (floods.isEmpty()) return;
            System.out.println();
            System.out.println("Attackers' answers per flood phase (status [problem code]: count):");
            System.out.println("| flood | phase | requests | answers | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Flood f : floods) {
                for (String p : labels) {
                    if (!f.answers.containsKey(p)) continue;
                    List<Long> l = new ArrayList<>(f.latencies.getOrDefault(p, List.of()));
                    Collections.sort(l);
                    Map<String, Long> byStatus = new TreeMap<>();
                    f.answers.getOrDefault(p, Map.of()).forEach((k, v) -> byStatus.put(k, v.get()));
                    System.out.printf("| %s: %s | %s | %d | %s | %.1f | %.1f | %.1f |%n", f.name, f.description, p, l.size(), byStatus,
                            pct(l, 50), pct(l, 99), l.isEmpty() ? 0.0 : l.getLast() / 1e6);
                }
            }
        }
    }
}
