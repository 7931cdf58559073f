package dev.vaporform.platform;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLs the security firewall refuses before any application code runs (redundant or dot
 * segments, encoded separators and dots, backslashes, semicolons) still answer RFC 9457
 * problem+json with a stable type, and a detail that names the rule, for any client.
 */
class RejectedUrlProblemTests extends IntegrationTest {

    private Session owner;
    private String files;

    @BeforeEach
    void aProject() {
        owner = users.register(uniqueEmail("firewalled"));
        var project = http.post("/api/projects", Map.of("name", "Walls")).bearer(owner.accessToken()).send();
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        files = "/api/projects/" + project.text("id") + "/files/";
    }

    private void assertRejected(Http.Response response, String path, String rule, String detailMentions) {
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).as(path + " -> " + response).startsWith("application/problem+json");
        assertThat(response.text("type")).as(path).isEqualTo("https://vaporform.dev/problems/request-rejected");
        assertThat(response.text("code")).as(path).isEqualTo("request-rejected");
        assertThat(response.text("rule")).as(path).isEqualTo(rule);
        assertThat(response.text("title")).as(path).isNotBlank();
        assertThat(response.text("detail")).as(path).contains(detailMentions);
        assertThat(response.text("correlationId")).as(path).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void rejectsEmptyAndDotSegmentsInAFilesUrlWithAProblemNamingTheRule() {
        for (String path : new String[]{"notes//a/./x.txt", "notes//x.txt"}) {
            assertRejected(http.get(files + path).bearer(owner.accessToken()).send(), path, "empty-segment", "'//'");
            assertRejected(http.put(files + path, "x").contentType("application/octet-stream").bearer(owner.accessToken()).send(),
                    path, "empty-segment", "'//'");
        }
        assertRejected(http.get(files + "notes/./x.txt").bearer(owner.accessToken()).send(), "notes/./x.txt", "dot-segment", "'.'");
        assertRejected(http.get(files + "a/../../x.txt").bearer(owner.accessToken()).send(), "a/../../x.txt", "dot-segment", "'..'");
    }

    @Test
    void rejectsEncodedSeparatorsDotsAndOtherUnsafeCharactersWithAProblemNamingTheRule() {
        assertRejected(http.get(files + "a%2fb").bearer(owner.accessToken()).send(), "a%2fb", "encoded-slash", "encoded '/'");
        assertRejected(http.get(files + "%2e%2e/x").bearer(owner.accessToken()).send(), "%2e%2e/x", "encoded-period", "encoded '.'");
        assertRejected(http.get(files + "a%5cb").bearer(owner.accessToken()).send(), "a%5cb", "backslash", "backslash");
        assertRejected(http.get(files + "a;b").bearer(owner.accessToken()).send(), "a;b", "semicolon", "';'");
        assertRejected(http.get(files + "%252e").bearer(owner.accessToken()).send(), "%252e", "encoded-percent", "'%'");
    }

    @Test
    void rejectsBadUrlsTheSameWayWithoutAToken() {
        assertRejected(http.get(files + "notes//a/./x.txt").send(), "notes//a/./x.txt (no token)", "empty-segment", "'//'");
    }
}
