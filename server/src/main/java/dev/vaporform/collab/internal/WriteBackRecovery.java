package dev.vaporform.collab.internal;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * After a crash the op log may be ahead of the files (acknowledged ops whose debounced
 * write-back never ran), while REST, search, export, the workspace and the AI read the files.
 * Before the node reports ready, every such document is loaded, which writes it back through the
 * normal write-back path (merging a change made on disk meanwhile), and then unloads. An
 * application runner runs before readiness turns to accepting traffic, so the node is not
 * ready until this is done (or its deadline passed).
 */
@Component
class WriteBackRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WriteBackRecovery.class);
    // Far more than a write-back takes; a file that cannot be written must not keep the node down forever.
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final OpLog opLog;
    private final Documents documents;

    WriteBackRecovery(OpLog opLog, Documents documents) {
        this.opLog = opLog;
        this.documents = documents;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        List<DocumentKey> lagging = opLog.lagging();
        if (lagging.isEmpty()) return;
        log.info("Writing back {} document(s) whose file lags the op log", lagging.size());
        lagging.forEach(key -> documents.run(key, DocumentAuthority::writeBack));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (DocumentKey key : lagging) {
            while (!opLog.writtenBack(key)) {
                if (System.nanoTime() > deadline) {
                    log.warn("{} of project {} is still behind its op log; it is written back when next opened", key.path(), key.projectId());
                    break;
                }
                Thread.sleep(20); // polling the durable marker: the write-back runs on the document's queue
            }
        }
    }
}
