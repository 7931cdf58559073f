package dev.vaporform.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Users;

/**
 * Two nodes over one database and one volume number a file's versions as one: writes of the same
 * file arriving at both at once are each acknowledged with a version of their own, none is refused
 * with a server error, and the history counts up without a gap or a repeat. (A node may also record
 * what it found on disk from the other node's write in flight, as a version without an author: the
 * per-project lock that orders a write's disk and database steps is each node's own.)
 */
class FileVersionsNodesTests extends NodesTestSupport {

    private static final int WRITERS_PER_NODE = 3;
    private static final int WRITES_PER_WRITER = 15;

    @Test
    void concurrentWritesOfOneFileOnTwoNodesGetConsecutiveVersions() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env);
        ChildServer b = cluster.node("b", env);
        Users.Session owner = new Users(a.http()).register("versions-owner@vaporform.test");
        String project = a.http().post("/api/projects", Map.of("name", "Versions")).bearer(owner.accessToken()).send().text("id");
        String file = "/api/projects/" + project + "/files/shared.txt";

        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (ChildServer node : List.of(a, b)) {
                for (int w = 0; w < WRITERS_PER_NODE; w++) {
                    String writer = node.port() + "-" + w;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < WRITES_PER_WRITER; i++) {
                            var written = node.http().put(file, "from " + writer + " #" + i + "\n").contentType("text/plain")
                                    .bearer(owner.accessToken()).send();
                            if (written.status() != 200 && written.status() != 201) refused.add(written.toString());
                            else acknowledged.add(written.json().path("version").asLong());
                        }
                    }));
                }
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(refused).as("writes refused").isEmpty();
        long total = 2L * WRITERS_PER_NODE * WRITES_PER_WRITER;
        assertThat(acknowledged).as("each write acknowledged with a version of its own").hasSize((int) total).doesNotHaveDuplicates();
        var history = b.http().get("/api/projects/" + project + "/history/shared.txt").bearer(owner.accessToken()).send().json();
        List<Long> versions = new ArrayList<>();
        history.forEach(v -> versions.add(v.path("version").asLong()));
        long recorded = versions.size();
        assertThat(versions).as("newest first, numbered without gaps or repeats")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, recorded).map(v -> recorded + 1 - v).boxed().toList());
        assertThat(versions).as("every acknowledged version is in the history").containsAll(acknowledged);
    }
}
