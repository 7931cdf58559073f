package dev.vaporform.collab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real ShareDB JS client (sharedb@7 with ot-text-unicode@4.0.0, installed by the build from
 * {@code src/test/node/collab/package-lock.json}) against this server: create, subscribe,
 * concurrent edits, presence, a disconnect with an op in flight and the reconnect, the text on
 * disk. Without node the test fails under {@code CI=true} and is skipped elsewhere.
 */
class CollabNodeHarnessTests extends CollabTestSupport {

    private static final Path HARNESS = Path.of("src/test/node/collab");

    @Test
    void theRealShareDbClientCreatesEditsConcurrentlySharesPresenceAndResumesAfterADisconnect() throws Exception {
        requireNode();
        createProject("Node harness");
        var process = new ProcessBuilder("node", "harness.js").directory(HARNESS.toFile()).redirectErrorStream(true);
        process.environment().put("VAPORFORM_URL", "http://localhost:" + port);
        process.environment().put("VAPORFORM_TOKEN", owner.accessToken());
        process.environment().put("VAPORFORM_USER", owner.id().toString());
        process.environment().put("VAPORFORM_PROJECT", projectId.toString());
        Process node = process.start();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
            fail("the harness did not finish:\n" + output);
        }
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("ok create and subscribe", "ok concurrent edits converge", "ok presence",
                "ok disconnect with pending op and reconnect", "ok text on disk", "HARNESS PASSED");
    }

    private static void requireNode() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("node", "--version").start().waitFor() == 0 && Files.isDirectory(HARNESS.resolve("node_modules"));
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) fail("node and the harness's node_modules are required under CI=true");
        Assumptions.assumeTrue(present, "node or the harness's node_modules missing: the ShareDB client harness is skipped");
    }
}
