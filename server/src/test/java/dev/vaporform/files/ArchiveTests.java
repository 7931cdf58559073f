package dev.vaporform.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Zip import and export: checked whole before anything is written, streamed out. */
class ArchiveTests extends FilesTest {

    private Http.Response upload(byte[] zip) {
        return http.post(base() + "/archive", zip).contentType("application/zip").bearer(owner.accessToken()).send();
    }

    @Test
    void importsAZipThenExportsTheSameTree() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# hello");
        files.put("src/main/App.java", "class App {}");
        files.put("src/main/util/Strings.java", "final class Strings {}");
        var response = upload(zip(files, List.of("empty/")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("files").asInt()).isEqualTo(3);
        assertThat(Files.readString(root().resolve("src/main/App.java"))).isEqualTo("class App {}");
        assertThat(root().resolve("empty")).isDirectory();
        assertThat(http.get(base() + "/history/README.md").bearer(owner.accessToken()).send().json().size()).isEqualTo(1);

        var download = http.get(base() + "/archive").bearer(owner.accessToken()).sendForBytes();
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(contents(download.body())).containsAllEntriesOf(files);
        assertThat(entryNames(download.body())).contains("empty/", "src/", "src/main/");
    }

    @Test
    void anImportReplacesFilesAtTheSamePathsWithNewVersions() throws Exception {
        put("a.txt", "before");
        assertThat(upload(zip(Map.of("a.txt", "after"), List.of())).status()).isEqualTo(200);
        assertThat(Files.readString(root().resolve("a.txt"))).isEqualTo("after");
        assertThat(get("a.txt").header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void rejectsZipSlipAbsoluteAndBackslashEntriesBeforeWritingAnything() {
        for (String evil : List.of("../evil.txt", "a/../../evil.txt", "/etc/evil", "C:\\evil.txt", "..\\evil.txt")) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("good.txt", "good");
            files.put(evil, "evil");
            var response = upload(zip(files, List.of()));
            assertProblem(response, 400, "unsafe-archive");
            // zip readers treat '\' as the separator of archives made on Windows: refused either way
            assertThat(response.text("entry")).isIn(evil, evil.replace('\\', '/'));
        }
        assertThat(root().resolve("good.txt")).doesNotExist();
        assertThat(root().getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void rejectsSymlinkEntries() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry file = new ZipArchiveEntry("good.txt");
            zip.putArchiveEntry(file);
            zip.write("good".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("link");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        var response = upload(bytes.toByteArray());
        assertProblem(response, 400, "unsafe-archive");
        assertThat(response.text("detail")).contains("link");
        assertThat(root().resolve("good.txt")).doesNotExist();
        assertThat(Files.exists(root().resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void rejectsZipBombsByRatioAndByEntryCount() {
        Map<String, byte[]> bomb = Map.of("zeros.bin", new byte[200 * 1024]);
        var ratio = upload(zipBytes(bomb));
        assertProblem(ratio, 413, "archive-too-large");
        assertThat(ratio.text("limit")).isEqualTo("max-archive-ratio");

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 201; i++) many.put("f" + i + ".txt", "x");
        var count = upload(zip(many, List.of()));
        assertProblem(count, 413, "archive-too-large");
        assertThat(count.text("limit")).isEqualTo("max-files");
        assertThat(root().resolve("f0.txt")).doesNotExist();
    }

    @Test
    void rejectsUploadsOverTheArchiveSizeAndEntriesOverTheFileSize() {
        byte[] random = new byte[1_100_000];
        new Random(1).nextBytes(random);
        var tooBig = upload(random);
        assertProblem(tooBig, 413, "archive-too-large");
        assertThat(tooBig.text("limit")).isEqualTo("max-archive-size");

        byte[] large = new byte[300 * 1024];
        new Random(2).nextBytes(large);
        var entry = upload(zipBytes(Map.of("large.bin", large)));
        assertProblem(entry, 413, "file-too-large");
        assertThat(root().resolve("large.bin")).doesNotExist();
    }

    @Test
    void rejectsSomethingThatIsNotAZipAndDuplicateEntries() {
        assertProblem(upload("not a zip at all".getBytes(StandardCharsets.UTF_8)), 400, "unsafe-archive");
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipArchiveOutputStream(bytes)) {
            for (String name : List.of("dup.txt", "./dup.txt")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertProblem(upload(bytes.toByteArray()), 400, "unsafe-archive");
        assertThat(root().resolve("dup.txt")).doesNotExist();
    }

    @Test
    void rejectsAnImportOverTheProjectQuotaWithoutWritingAnything() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            byte[] content = new byte[250 * 1024];
            random.nextBytes(content);
            files.put("big" + i + ".bin", content);
        }
        // 1.25 MB inflated but each file is incompressible: the upload itself is over 1 MB, so send four and fill first
        files.remove("big4.bin");
        put("filler.bin", new byte[200 * 1024]);
        var response = upload(zipBytes(files));
        assertProblem(response, 413, "project-quota-exceeded");
        assertThat(root().resolve("big0.bin")).doesNotExist();
    }

    @Test
    void rejectsAnEntryThatInflatesBeyondWhatItsHeaderDeclaresWithoutWritingAnything() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(4);
        while (text.length() < 20_000) text.append((char) ('a' + random.nextInt(26)));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("honest.txt", "an honest entry, extracted first");
        files.put("liar.txt", text.toString());
        // The central directory claims 100 bytes; the deflated data inflates to 20,000.
        var response = upload(declaringSize(zip(files, List.of()), "liar.txt", 100));
        assertProblem(response, 413, "archive-too-large");
        assertThat(response.text("limit")).isEqualTo("declared-size");
        assertThat(root().resolve("honest.txt")).doesNotExist();
        assertThat(root().resolve("liar.txt")).doesNotExist();
        assertThat(http.get(base() + "/tree").bearer(owner.accessToken()).send().json().path("entries").size()).isZero();
    }

    /** @return the zip with the uncompressed size its central directory declares for {@code name} replaced */
    static byte[] declaringSize(byte[] zip, String name, int declared) {
        var bytes = java.nio.ByteBuffer.wrap(zip.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (bytes.getInt(at) != 0x02014b50) continue; // central directory file header
            int nameLength = bytes.getShort(at + 28) & 0xFFFF;
            if (new String(zip, at + 46, nameLength, StandardCharsets.UTF_8).equals(name)) {
                bytes.putInt(at + 24, declared);
                return bytes.array();
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    static byte[] zip(Map<String, String> files, List<String> directories) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes, directories);
    }

    static byte[] zipBytes(Map<String, byte[]> files) {
        return zipBytes(files, List.of());
    }

    static byte[] zipBytes(Map<String, byte[]> files, List<String> directories) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (String dir : directories) {
                zip.putNextEntry(new ZipEntry(dir));
                zip.closeEntry();
            }
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> entryNames(byte[] zip) {
        return new ArrayList<>(contents(zip).keySet());
    }

    static Map<String, String> contents(byte[] zip) {
        Map<String, String> contents = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                contents.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }
}
