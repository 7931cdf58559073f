package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

/**
 * A server without an AI provider (its own process: the shared test server has the fake one):
 * every AI route answers 503 with a problem saying how to configure one, and the node stays ready.
 */
class AiNotConfiguredTests {

    @Test
    void everyAiRouteAnswers503WithHowToConfigureAProvider() {
        Path home = Path.of("target", "test-ai-none-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try (ChildServer server = ChildServer.start(home, "ai-none", Map.of("ANTHROPIC_API_KEY", ""), "--vaporform.ai.provider=none")) {
            Http http = server.http();
            var user = new Users(http).register("nobody-ai@vaporform.test");
            String project = http.post("/api/projects", Map.of("name", "p")).bearer(user.accessToken()).send().text("id");

            for (var response : new Http.Response[]{
                    http.post("/api/projects/" + project + "/ai/generate", Map.of("prompt", "Hello")).bearer(user.accessToken()).send(),
                    http.get("/api/projects/" + project + "/ai/sessions").bearer(user.accessToken()).send(),
                    http.get("/api/projects/" + project + "/ai/sessions/" + UUID.randomUUID()).bearer(user.accessToken()).send(),
                    http.get("/api/ai/usage").bearer(user.accessToken()).send()}) {
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                assertThat(response.header("content-type")).startsWith("application/problem+json");
                assertThat(response.text("code")).isEqualTo("ai-not-configured");
                assertThat(response.text("detail")).contains("ANTHROPIC_API_KEY").contains("VAPORFORM_AI_OPENAI_BASE_URL");
            }
            var readiness = http.get("/actuator/health/readiness").send();
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("components").path("ai").path("status").asString()).isEqualTo("UNKNOWN");
        }
    }
}
