package dev.vaporform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
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

    /**
     * An import whose client sends its headers and the first bytes of its zip over a plain socket,
     * then holds the rest until {@link #finish}. (The JDK's HttpClient reads a streamed body one
     * chunk ahead before sending anything, so a body held back there never reaches the server.)
     */
    private static final class HeldUpload {
        private final Socket socket;
        private final byte[] zip;

        private HeldUpload(Socket socket, byte[] zip) {
            this.socket = socket;
            this.zip = zip;
        }

        static HeldUpload start(int port, UUID projectId, Session who) throws IOException {
            byte[] zip = zip();
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            String head = "POST /api/projects/" + projectId + "/archive HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Authorization: Bearer " + who.accessToken() + "\r\nContent-Type: application/zip\r\n"
                    + "Content-Length: " + zip.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(zip, 0, 10);
            out.flush();
            return new HeldUpload(socket, zip);
        }

        void finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(zip, 10, zip.length - 10);
            out.flush();
        }

        /** The status code of the answer, read from its status line. */
        int status() throws IOException {
            try (socket) {
                String statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                        .lines().findFirst().orElseThrow();
                return Integer.parseInt(statusLine.split(" ")[1]);
            }
        }
    }
}
