package dev.vaporform.platform;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error leaves as RFC 9457 problem+json with a stable type, a code and a correlation id. */
class ProblemResponsesTests extends IntegrationTest {

    private Session user;

    @BeforeEach
    void signIn() {
        user = users.register(uniqueEmail("problems"));
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("https://vaporform.dev/problems/" + code);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void unknownRouteIs404Problem() {
        assertProblem(http.get("/api/no-such-thing").bearer(user.accessToken()).send(), 404, "not-found");
        assertProblem(http.get("/no-such-page.html").send(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405Problem() {
        var response = http.put("/api/auth/me", "{}").bearer(user.accessToken()).send();
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        var response = http.post("/api/projects", "name=x").contentType("text/plain").bearer(user.accessToken()).send();
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400Problem() {
        assertProblem(http.post("/api/projects", "{\"name\": ").bearer(user.accessToken()).send(), 400, "malformed-body");
        assertProblem(http.post("/api/projects", "[1,2]").bearer(user.accessToken()).send(), 400, "malformed-body");
        assertProblem(http.post("/api/projects", "").bearer(user.accessToken()).send(), 400, "malformed-body");
    }

    @Test
    void oversizedBodyIs413ProblemWhetherDeclaredOrStreamed() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(http.post("/api/projects", huge).bearer(user.accessToken()).send(), 413, "payload-too-large");
    }

    @Test
    void invalidPathParameterIs400Problem() {
        assertProblem(http.delete("/api/auth/tokens/not-a-uuid").bearer(user.accessToken()).send(), 400, "validation");
    }

    @Test
    void outOfRangePagingIs400Problem() {
        assertProblem(http.get("/api/projects?size=100000").bearer(user.accessToken()).send(), 400, "validation");
        assertProblem(http.get("/api/projects?page=-1").bearer(user.accessToken()).send(), 400, "validation");
        assertProblem(http.get("/api/projects?page=abc").bearer(user.accessToken()).send(), 400, "validation");
    }

    @Test
    void unexpectedErrorIs500WithOnlyACorrelationId() {
        var response = http.get("/test-support/boom").send();
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("SELECT", "password_hash", "secret", "Exception", "at dev.");
        assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "code",
                "correlationId", "instance");
    }

    @Test
    void callerSuppliedCorrelationIdIsEchoedOnlyWhenSafe() {
        var safe = http.get("/api/auth/me").bearer(user.accessToken()).header("X-Correlation-Id", "lb-0123456789").send();
        assertThat(safe.header("X-Correlation-Id")).isEqualTo("lb-0123456789");
        var unsafe = http.get("/api/auth/me").bearer(user.accessToken()).header("X-Correlation-Id", "x\" injected=1 <script>").send();
        assertThat(unsafe.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void validationProblemNamesEveryBadField() {
        var response = http.post("/api/projects/" + java.util.UUID.randomUUID() + "/collaborators", Map.of()).bearer(user.accessToken()).send();
        assertThat(response.status()).as("membership is checked before the body").isEqualTo(404);
        var bad = http.post("/api/auth/tokens", Map.of("expiresInDays", 0)).bearer(user.accessToken()).send();
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().path("errors").toString()).contains("name", "expiresInDays");
    }
}
