package dev.vaporform.platform;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes, metrics and the published API description. */
class OperationsTests extends IntegrationTest {

    @Test
    void livenessAndReadinessAreUpWithTheDatabaseInReadiness() {
        var liveness = http.get("/actuator/health/liveness").send();
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");
        var readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsIncludeHttpRequests() {
        http.get("/actuator/health/liveness").send();
        var metrics = management().get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "http_server_requests_seconds");
    }

    @Test
    void rejectsAnonymousMetricsAndInfoOnThePublicPortWhichTheManagementPortServes() {
        for (String route : new String[]{"/actuator/prometheus", "/actuator/info"}) {
            var publicAnswer = http.get(route).send();
            assertThat(publicAnswer.status()).as("the public port does not serve " + route + ": " + publicAnswer).isEqualTo(404);
            assertThat(publicAnswer.body()).doesNotContain("jvm_memory_used_bytes");
            assertThat(management().get(route).send().status()).as(route + " on the management port").isEqualTo(200);
        }
        assertThat(http.get("/actuator/health/readiness").send().status()).as("probes stay on the public port").isEqualTo(200);
        assertThat(management().get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        var docs = http.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/projects/{id}")).isTrue();
        assertThat(docs.json().path("paths").has("/api/auth/login")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }

    @Test
    void actuatorEndpointsOtherThanTheListedOnesNeedAuthentication() {
        assertThat(http.get("/actuator/env").send().status()).isIn(401, 404);
        assertThat(http.get("/actuator/env").send().body()).doesNotContain("DATABASE");
    }
}
