package dev.vaporform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zip imports stage up to twice max-archive-size each, so they are bounded: the test
 * configuration allows one per user and two per node. An upload whose body the client holds
 * back keeps its import running, as a slow or hostile client would.
 */
class ImportLimitsTests extends FilesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void rejectsASecondImportOfTheSameUserAtOnceButLetsOtherUsersImport() throws Exception {
        HeldUpload first = HeldUpload.start(port, project, owner);
        try {
            Http.Response second = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> upload(project, owner), r -> r.status() != 200);
            assertProblem(second, 429, "too-many-imports");
            assertThat(second.header("Retry-After")).isNotBlank();

            Session other = users.register(uniqueEmail("importer"));
            assertThat(upload(createProject(other), other).status()).as("another user's import").isEqualTo(200);
        } finally {
            first.finish();
        }
        assertThat(first.status()).isEqualTo(200);
        assertThat(upload(project, owner).status()).as("once the first is done").isEqualTo(200);
    }

    @Test
    void rejectsAnImportWhileTheNodeRunsAsManyAsItMayAt() throws Exception {
        Session second = users.register(uniqueEmail("importer"));
        Session third = users.register(uniqueEmail("importer"));
        UUID thirdProject = createProject(third);
        HeldUpload a = HeldUpload.start(port, project, owner);
        HeldUpload b = HeldUpload.start(port, createProject(second), second);
        try {
            Http.Response refused = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> upload(thirdProject, third), r -> r.status() != 200);
            assertProblem(refused, 503, "import-busy");
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            a.finish();
            b.finish();
        }
        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).isEqualTo(200);
        assertThat(upload(thirdProject, third).status()).as("once a slot is free").isEqualTo(200);
    }

    private Http.Response upload(UUID projectId, Session who) {
        return http.post("/api/projects/" + projectId + "/archive", zip()).contentType("application/zip")
                .bearer(who.accessToken()).send();
    }

    private static byte[] zip() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("imported.txt"));
            zip.write("imported".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An import whose client sends the first bytes of its zip, then holds the rest until {@link #finish}. */
    private record HeldUpload(CountDownLatch release, CompletableFuture<HttpResponse<String>> response) {

        static HeldUpload start(int port, UUID projectId, Session who) {
            byte[] zip = zip();
            CountDownLatch release = new CountDownLatch(1);
            InputStream body = new InputStream() {
                private int next;

                @Override
                public int read() throws IOException {
                    if (next == 10) await(release);
                    return next < zip.length ? zip[next++] & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (next == 10) await(release);
                    if (next >= zip.length) return -1;
                    int n = Math.min(len, (next < 10 ? 10 : zip.length) - next);
                    System.arraycopy(zip, next, b, off, n);
                    next += n;
                    return n;
                }
            };
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/" + projectId + "/archive"))
                    .header("Authorization", "Bearer " + who.accessToken()).header("Content-Type", "application/zip")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
            return new HeldUpload(release, CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        private static void await(CountDownLatch release) throws IOException {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) throw new IOException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        void finish() {
            release.countDown();
        }

        int status() throws Exception {
            return response.get(30, TimeUnit.SECONDS).statusCode();
        }
    }
}
