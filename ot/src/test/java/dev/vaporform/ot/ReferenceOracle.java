package dev.vaporform.ot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the pinned npm {@code ot-text-unicode@4.0.0} in one Node process ({@code src/test/node/oracle.js}) and
 * streams cases through it: a writer thread feeds request lines while the caller reads answers in order, so
 * hundreds of thousands of cases cost one process start.
 */
final class ReferenceOracle {

    private static final Path NODE_DIR = Path.of(System.getProperty("ot.node.dir", "src/test/node"));

    private ReferenceOracle() {
    }

    /**
     * Fails under {@code CI=true} and skips loudly elsewhere when Node or the installed reference is missing,
     * so a developer without Node can still build but CI can never pass without the differential suite.
     */
    static void requireAvailable() {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/ot-text-unicode"))) {
            missing("the reference is not installed in " + NODE_DIR.toAbsolutePath() + " (run npm ci there)");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                missing("`node --version` failed");
            }
        } catch (IOException e) {
            missing("node is not on the PATH (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing("interrupted while looking for node");
        }
    }

    private static void missing(String reason) {
        String message = "Differential tests against ot-text-unicode@4.0.0 cannot run: " + reason;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI must run them.");
        }
        System.err.println("\n!!!!!!!! SKIPPED: " + message + " !!!!!!!!\n");
        Assumptions.abort(message);
    }

    /** Sends one request per item and hands each item with its answer line to {@code onAnswer}, in order. */
    static <T> long stream(Iterator<T> items, Function<T, String> toLine, BiConsumer<T, String> onAnswer) {
        Process node = start();
        BlockingQueue<T> inFlight = new ArrayBlockingQueue<>(8192);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("oracle-writer").start(
                () -> feed(node, items, toLine, inFlight, writerFailure));
        long answered;
        try {
            answered = readAnswers(node, inFlight, onAnswer);
        } finally {
            stop(writer, node);
        }
        if (!inFlight.isEmpty()) {
            fail("the oracle stopped answering after " + answered + " cases (exit code " + node.exitValue() + ")");
        }
        if (writerFailure.get() != null) {
            throw new AssertionError("generating or sending cases failed", writerFailure.get());
        }
        return answered;
    }

    /** Runs a small list of request lines and returns the answers. */
    static List<String> ask(List<String> requests) {
        List<String> answers = new ArrayList<>();
        stream(requests.iterator(), line -> line, (request, answer) -> answers.add(answer));
        return answers;
    }

    private static Process start() {
        try {
            return new ProcessBuilder("node", "oracle.js").directory(NODE_DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node", e);
        }
    }

    private static <T> void feed(Process node, Iterator<T> items, Function<T, String> toLine,
                                 BlockingQueue<T> inFlight, AtomicReference<Throwable> failure) {
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            while (items.hasNext()) {
                T item = items.next();
                inFlight.put(item); // queued before it is sent, so its answer always finds it
                out.write(toLine.apply(item));
                out.write('\n');
            }
        } catch (Throwable t) {
            failure.set(t);
            node.destroy();
        }
    }

    private static <T> long readAnswers(Process node, BlockingQueue<T> inFlight, BiConsumer<T, String> onAnswer) {
        long answered = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                T item = inFlight.poll(60, TimeUnit.SECONDS);
                if (item == null) {
                    fail("the oracle answered a case that was never sent: " + line);
                }
                onAnswer.accept(item, line);
                answered++;
            }
        } catch (IOException e) {
            throw new AssertionError("reading from the oracle failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return answered;
    }

    /** Normally both are done already; after a failed comparison this ends them instead of waiting. */
    private static void stop(Thread writer, Process node) {
        try {
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroy();
                node.waitFor(10, TimeUnit.SECONDS);
            }
            writer.interrupt();
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
