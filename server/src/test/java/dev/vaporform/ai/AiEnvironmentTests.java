package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.FakeAnthropic;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

/**
 * The provider's usual environment variables, as an operator sets them on a server of its own
 * (the shared test server gets its provider through Spring properties): {@code ANTHROPIC_BASE_URL}
 * says where the Messages API is, {@code VAPORFORM_AI_MODEL} which model to ask for.
 */
class AiEnvironmentTests {

    @Test
    void anthropicBaseUrlAndTheAiModelFromTheEnvironmentAreWhereAndWhatTheServerAsks() {
        Path home = Path.of("target", "test-ai-env-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        String model = "some-model-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-test-key",
                "ANTHROPIC_BASE_URL", FakeAnthropic.get().baseUrl(), "VAPORFORM_AI_MODEL", model);
        try (ChildServer server = ChildServer.start(home, "ai-env", env)) {
            Http http = server.http();
            var user = new Users(http).register("env-ai@vaporform.test");
            String project = http.post("/api/projects", Map.of("name", "p")).bearer(user.accessToken()).send().text("id");

            var answer = http.post("/api/projects/" + project + "/ai/generate", Map.of("prompt", "Hello")).bearer(user.accessToken()).send();

            assertThat(FakeAnthropic.get().requests())
                    .as("a request reached the fake at ANTHROPIC_BASE_URL, naming VAPORFORM_AI_MODEL; the answer was " + answer)
                    .anyMatch(request -> model.equals(request.body().path("model").asString()));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("event:done");
        }
    }
}
