package dev.vaporform.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.TestHome;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the files module's tests: a fresh owner and project each, and the file routes by name. */
abstract class FilesTest extends IntegrationTest {

    protected Session owner;
    protected UUID project;

    @BeforeEach
    void createProject() {
        owner = users.register(uniqueEmail("files-owner"));
        project = createProject(owner);
    }

    protected UUID createProject(Session who) {
        var response = http.post("/api/projects", Map.of("name", "Files")).bearer(who.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    /** @return the route of a file, each segment percent-encoded as a browser would */
    protected String files(String path) {
        return base() + "/files/" + encode(path);
    }

    protected String base() {
        return "/api/projects/" + project;
    }

    protected static String encode(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    protected Http.Response put(String path, Object content) {
        return http.put(files(path), content).contentType("application/octet-stream").bearer(owner.accessToken()).send();
    }

    protected Http.Response get(String path) {
        return http.get(files(path)).bearer(owner.accessToken()).send();
    }

    protected Http.Response post(String route, Object body) {
        return http.post(base() + route, body).bearer(owner.accessToken()).send();
    }

    /** @return the project's tree on the real disk */
    protected Path root() {
        return TestHome.path().resolve("projects").resolve(project.toString());
    }

    protected static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
    }
}
