package dev.vaporform.files;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.files.search.ProjectIndexes;
import dev.vaporform.files.storage.Blobs;
import dev.vaporform.files.storage.FileVersions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deleting a project removes its tree, versions, blobs and index (on ProjectDeleted). */
class ProjectDeletionTests extends FilesTest {

    @Autowired FileVersions versions;
    @Autowired Blobs blobs;
    @Autowired ProjectIndexes indexes;

    @Test
    void deletingAProjectRemovesItsTreeVersionsBlobsAndIndex() {
        put("a.txt", "one");
        put("a.txt", "two");
        http.get(base() + "/search?q=two").bearer(owner.accessToken()).send();
        assertThat(versions.count(project)).isEqualTo(2);
        assertThat(Files.isDirectory(indexes.location(project))).isTrue();

        assertThat(http.delete(base()).bearer(owner.accessToken()).send().status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(root()).doesNotExist();
            assertThat(versions.count(project)).isZero();
            assertThat(blobs.count(project)).isZero();
            assertThat(indexes.location(project)).doesNotExist();
        });
    }
}
