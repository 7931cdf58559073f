package dev.vaporform.collab;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.support.NodeCluster;

/** Tests of several nodes: a {@link NodeCluster} per test, stopped (and its database dropped) after it. */
abstract class NodesTestSupport extends CollabTestSupport {

    @Autowired
    DataSource dataSource;

    NodeCluster cluster;

    @BeforeEach
    void cluster(@TempDir Path dir) {
        cluster = new NodeCluster(jdbc, dataSource, dir);
    }

    @AfterEach
    void stopCluster() throws Exception {
        cluster.close();
    }
}
