package dev.vaporform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Raw upload bodies are stored byte for byte whatever content type the client sent: curl's
 * {@code --data-binary} says {@code application/x-www-form-urlencoded}, and a body that looks like
 * form encoding must not be parsed into parameters (and lost) on the way to the controller.
 */
class RawBodyTests extends FilesTest {

    private static final List<String> TYPES = Arrays.asList("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "text/plain", "multipart/form-data",
            "application/json", null);

    @Test
    void storesAFileBodyByteForByteWhateverItsContentType() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) i;
        int n = 0;
        for (String type : TYPES) {
            for (byte[] body : List.of("a=1&b=%20".getBytes(StandardCharsets.UTF_8), binary)) {
                String path = "raw/" + (n++) + ".txt";
                var written = http.put(files(path), body).contentType(type).bearer(owner.accessToken()).send();
                assertThat(written.status()).as(type + ": " + written).isEqualTo(201);
                assertThat(written.json().path("size").asLong()).as(type + ": " + written).isEqualTo(body.length);
                var read = http.get(files(path)).bearer(owner.accessToken()).sendForBytes();
                assertThat(read.body()).as(type).isEqualTo(body);
            }
        }
    }

    @Test
    void storesWhatTheRealCurlSendsWithDataBinaryAndData() throws Exception {
        Path curl = curl();
        Path file = Files.createTempFile("curl-body", ".txt");
        Files.writeString(file, "a=1&b=%20");
        assertThat(curlPut(curl, "--data-binary", "@" + file, "curl/binary.txt")).contains("\"size\":9");
        assertThat(curlPut(curl, "-d", "a=1&b=%20", "curl/data.txt")).contains("\"size\":9");
        assertThat(get("curl/binary.txt").body()).isEqualTo("a=1&b=%20");
        assertThat(get("curl/data.txt").body()).isEqualTo("a=1&b=%20");
    }

    @Test
    void importsAnArchiveWhateverItsContentType() throws IOException {
        for (String type : TYPES) {
            byte[] zip = zip("imported.txt", "from " + type);
            var response = http.post(base() + "/archive", zip).contentType(type).bearer(owner.accessToken()).send();
            assertThat(response.status()).as(type + ": " + response).isEqualTo(200);
            assertThat(get("imported.txt").body()).isEqualTo("from " + type);
        }
    }

    private String curlPut(Path curl, String flag, String data, String path) throws Exception {
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "-X", "PUT", flag, data,
                "-H", "Authorization: Bearer " + owner.accessToken(), "http://localhost:" + port + files(path)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** The curl binary; its absence fails the test (it is part of the build machine, not optional). */
    private static Path curl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "curl");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return fail("curl is not installed: it is needed to send exactly what users send");
    }

    private static byte[] zip(String name, String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
