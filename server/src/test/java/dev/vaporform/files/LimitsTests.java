package dev.vaporform.files;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.vaporform.files.storage.FilesProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case 34 with the small limits of the test configuration (256 KB per file, 1 MB and 200 files
 * per project): each refusal names its limit, and nothing is written.
 */
class LimitsTests extends FilesTest {

    @Autowired FilesProperties properties;

    @Test
    void rejectsAFileOverTheSizeLimit() {
        var response = put("big.bin", new byte[256 * 1024 + 1]);
        assertProblem(response, 413, "file-too-large");
        assertThat(response.text("limit")).isEqualTo("max-file-size");
        assertThat(root().resolve("big.bin")).doesNotExist();
        assertThat(put("ok.bin", new byte[256 * 1024]).status()).isEqualTo(201);
    }

    @Test
    void rejectsAWriteThatTakesTheProjectOverItsQuota() throws Exception {
        for (int i = 0; i < 4; i++) assertThat(put("f" + i + ".bin", new byte[250 * 1024]).status()).isEqualTo(201);
        var response = put("f4.bin", new byte[100 * 1024]);
        assertProblem(response, 413, "project-quota-exceeded");
        assertThat(response.text("limit")).isEqualTo("max-project-size");
        assertThat(root().resolve("f4.bin")).doesNotExist();
        assertThat(put("f0.bin", new byte[10]).status()).as("shrinking a file is fine").isEqualTo(200);
        assertThat(Files.size(root().resolve("f0.bin"))).isEqualTo(10);
    }

    @Test
    void rejectsAWriteOverTheFileCountWith422() {
        for (int i = 0; i < 200; i++) assertThat(put("n/" + i, "x").status()).isEqualTo(201);
        var response = put("n/200", "x");
        assertProblem(response, 422, "too-many-files");
        assertThat(response.text("limit")).isEqualTo("max-files");
        assertThat(put("n/0", "replacing is fine").status()).isEqualTo(200);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var defaults = new org.springframework.boot.context.properties.bind.Binder(java.util.List.of())
                .bindOrCreate("vaporform.files", FilesProperties.class);
        assertThat(defaults.maxFileSize().toMegabytes()).isEqualTo(10);
        assertThat(defaults.maxProjectSize().toGigabytes()).isEqualTo(1);
        assertThat(defaults.maxFiles()).isEqualTo(100_000);
        assertThat(defaults.maxPathLength()).isEqualTo(1024);
        assertThat(defaults.maxPathDepth()).isEqualTo(64);
        assertThat(defaults.watchDebounce().toMillis()).isEqualTo(200);
        assertThat(defaults.watchIdleTimeout().toMinutes()).isEqualTo(30);
        assertThat(defaults.maxHistorySize().toGigabytes()).isEqualTo(2);
        assertThat(defaults.historyKeepAge().toHours()).isEqualTo(24);
        assertThat(defaults.historyKeepVersions()).isEqualTo(10);
        assertThat(defaults.maxConcurrentImports()).isEqualTo(2);
        assertThat(defaults.maxConcurrentImportsPerUser()).isEqualTo(1);
        assertThat(properties.maxFileSize().toKilobytes()).isEqualTo(256);
    }
}
